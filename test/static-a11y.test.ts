import { describe, expect, it } from 'vitest';
import { staticA11y } from './helpers/static-a11y.js';

describe('static accessibility checks (used by the link crawler)', () => {
  const page = (main: string, lang = ' lang="zh-CN"') => `<!DOCTYPE html><html${lang}><head><title>t</title></head><body><main>${main}</main></body></html>`;

  it('pass a page with one h1, alt text, labelled controls and unique ids', () => {
    const ok = page('<h1>标题</h1><img src="a.png" alt=""><label for="q">搜索</label><input id="q" name="q"><label><input type="radio" name="k" value="a"> 个人</label><input type="hidden" name="_csrf" value="x"><select aria-label="排序"></select>');
    expect(staticA11y(ok)).toEqual([]);
  });

  it('name each problem', () => {
    const bad = page('<h1>一</h1><h1>二</h1><img src="a.png"><input id="q" name="q"><label for="other">x</label><textarea name="t"></textarea><p id="q"></p>', '');
    expect(staticA11y(bad)).toEqual([
      '2 h1 headings',
      'no page language',
      'image without alt: <img src="a.png">',
      'id "q" used 2 times',
      'input without a label: id="q" name="q"',
      'textarea without a label: name="t"',
    ]);
  });
});
