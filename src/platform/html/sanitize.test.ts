import { describe, expect, it } from 'vitest';
import { htmlToText, toSafeHtml } from './sanitize.js';

describe('toSafeHtml: markup', () => {
  it('removes script elements with their content', () => {
    const out = toSafeHtml('<p>公告</p><script>alert("x")</script><p>正文</p>');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('alert');
    expect(out).toContain('<p>公告</p>');
    expect(out).toContain('<p>正文</p>');
  });

  it('removes event handler attributes but keeps the element and its text', () => {
    const out = toSafeHtml('<p onclick="steal()" onmouseover="x()">点击</p><a href="https://example.gov.cn" onclick="evil()">链接</a>');
    expect(out).not.toMatch(/onclick|onmouseover/i);
    expect(out).not.toContain('steal');
    expect(out).toContain('点击');
    expect(out).toContain('href="https://example.gov.cn"');
  });

  it('removes javascript: and data: URLs from links', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'jav&#x09;ascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const out = toSafeHtml(`<p><a href="${href}">看这里</a></p>`);
      expect(out.toLowerCase()).not.toContain('javascript');
      expect(out).not.toContain('data:');
      expect(out).toContain('看这里');
    }
  });

  it('removes dangerous elements: iframes, styles, images, forms, objects', () => {
    const out = toSafeHtml('<p>a</p><iframe src="https://evil"></iframe><style>body{}</style><img src="x" onerror="alert(1)"><form action="/x"><input name="a"></form><object data="x"></object><svg onload="alert(1)"></svg>');
    for (const bad of ['<iframe', '<style', '<img', 'onerror', '<form', '<input', '<object', '<svg', 'onload']) {
      expect(out.toLowerCase()).not.toContain(bad);
    }
    expect(out).toContain('<p>a</p>');
  });

  it('drops style and class attributes, keeps allowed table attributes', () => {
    const out = toSafeHtml('<table><tr><td colspan="2" style="color:red" class="x">格</td></tr></table>');
    expect(out).toContain('colspan="2"');
    expect(out).not.toContain('style=');
    expect(out).not.toContain('class=');
  });

  it('marks outgoing http(s) links noopener noreferrer, but not mailto', () => {
    expect(toSafeHtml('<a href="https://www.gov.cn">国务院</a>')).toContain('rel="noopener noreferrer"');
    expect(toSafeHtml('<a href="mailto:x@gov.cn">邮件</a>')).not.toContain('rel=');
    // An editor's own rel is not kept: only the portal sets it.
    expect(toSafeHtml('<a href="mailto:x@gov.cn" rel="opener">邮件</a>')).not.toContain('rel=');
    const out = toSafeHtml('<a href="https://www.gov.cn" rel="opener">国务院</a>');
    expect(out).toContain('rel="noopener noreferrer"');
    expect(out).not.toContain('"opener"');
  });
});

describe('toSafeHtml: plain text', () => {
  it('turns blank-line separated text into paragraphs', () => {
    expect(toSafeHtml('第一段\n\n第二段')).toBe('<p>第一段</p>\n<p>第二段</p>');
    expect(toSafeHtml('第一段\r\n\r\n第二段\r\n')).toBe('<p>第一段</p>\n<p>第二段</p>');
  });

  it('keeps single line breaks inside a paragraph and ignores extra blank lines', () => {
    expect(toSafeHtml('一行\n二行\n\n\n\n三段')).toBe('<p>一行<br />二行</p>\n<p>三段</p>');
  });

  it('escapes characters that look like markup', () => {
    const out = toSafeHtml('a < b & c > d');
    expect(out).toBe('<p>a &lt; b &amp; c &gt; d</p>');
  });

  it('gives an empty string for only whitespace', () => {
    expect(toSafeHtml('  \n\n  ')).toBe('');
  });
});

describe('htmlToText', () => {
  it('strips every tag and collapses whitespace', () => {
    expect(htmlToText('<p>你好，</p>\n<p><strong>世界</strong></p><script>x()</script>')).toBe('你好， 世界');
  });
});
