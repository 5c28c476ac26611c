import { describe, expect, it } from 'vitest';
import type { CurrentUser, Role } from '../../http/context.js';
import type { ColumnRow } from './portal.repository.js';
import { allowedActions, buildTree, flattenTree, pathTo, subtreeIds, type ColumnNode } from './portal.service.js';

// The column tree and the workflow rules are pure functions: tested here without a database.

function col(id: number, parentId: number | null, sortOrder = 0): ColumnRow {
  return {
    id,
    parentId,
    slug: `c${id}`,
    nameZh: `栏目${id}`,
    nameEn: `Column ${id}`,
    descriptionZh: '',
    descriptionEn: '',
    sortOrder,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

// Rows as the repository returns them (sortOrder, then id):
//   1 ─┬─ 3 ─── 5
//      └─ 4
//   2 ─── 6
const ROWS: ColumnRow[] = [col(1, null, 1), col(2, null, 2), col(3, 1, 1), col(4, 1, 2), col(5, 3, 1), col(6, 2, 1)];

const find = (roots: ColumnNode[], id: number): ColumnNode => {
  const n = flattenTree(roots).find((x) => x.id === id);
  if (!n) {
    throw new Error(`no node ${id}`);
  }
  return n;
};

describe('buildTree', () => {
  it('nests children under their parents, keeping the rows order at each level, with depths', () => {
    const roots = buildTree(ROWS);
    expect(roots.map((r) => r.id)).toEqual([1, 2]);
    expect(roots[0]!.children.map((c) => c.id)).toEqual([3, 4]);
    expect(roots[0]!.children[0]!.children.map((c) => c.id)).toEqual([5]);
    expect(roots[1]!.children.map((c) => c.id)).toEqual([6]);
    expect(find(roots, 1).depth).toBe(0);
    expect(find(roots, 3).depth).toBe(1);
    expect(find(roots, 5).depth).toBe(2);
    expect(find(roots, 6).depth).toBe(1);
    expect(find(roots, 4).children).toEqual([]);
  });

  it('keeps the row fields on each node and does not change the input rows', () => {
    const copy = structuredClone(ROWS);
    const roots = buildTree(ROWS);
    expect(find(roots, 5)).toMatchObject({ id: 5, parentId: 3, slug: 'c5', nameZh: '栏目5' });
    expect(ROWS).toEqual(copy);
  });

  it('handles a child listed before its parent', () => {
    const roots = buildTree([col(10, 11), col(11, null)]);
    expect(roots.map((r) => r.id)).toEqual([11]);
    expect(roots[0]!.children.map((c) => c.id)).toEqual([10]);
    expect(roots[0]!.children[0]!.depth).toBe(1);
  });

  it('treats a row whose parent is missing as a root, and an empty list as no tree', () => {
    expect(buildTree([col(7, 99)]).map((r) => [r.id, r.depth])).toEqual([[7, 0]]);
    expect(buildTree([])).toEqual([]);
  });
});

describe('flattenTree', () => {
  it('lists the nodes depth-first, parents before their children', () => {
    expect(flattenTree(buildTree(ROWS)).map((n) => n.id)).toEqual([1, 3, 5, 4, 2, 6]);
    expect(flattenTree(buildTree(ROWS)).map((n) => n.depth)).toEqual([0, 1, 2, 1, 0, 1]);
  });
  it('returns nothing for no roots', () => {
    expect(flattenTree([])).toEqual([]);
  });
});

describe('subtreeIds', () => {
  it('gives a column and all its descendants', () => {
    const roots = buildTree(ROWS);
    expect(subtreeIds(find(roots, 1)).sort((a, b) => a - b)).toEqual([1, 3, 4, 5]);
    expect(subtreeIds(find(roots, 3)).sort((a, b) => a - b)).toEqual([3, 5]);
    expect(subtreeIds(find(roots, 2)).sort((a, b) => a - b)).toEqual([2, 6]);
  });
  it('gives just the column for a leaf', () => {
    expect(subtreeIds(find(buildTree(ROWS), 5))).toEqual([5]);
  });
});

describe('pathTo', () => {
  it('gives the chain from the root down to the column', () => {
    expect(pathTo(ROWS, 5).map((r) => r.id)).toEqual([1, 3, 5]);
    expect(pathTo(ROWS, 6).map((r) => r.id)).toEqual([2, 6]);
    expect(pathTo(ROWS, 1).map((r) => r.id)).toEqual([1]);
  });
  it('gives nothing for an unknown column', () => {
    expect(pathTo(ROWS, 404)).toEqual([]);
  });
  it('stops on a cycle instead of looping for ever', () => {
    const cyclic = [col(1, 2), col(2, 1)];
    const p = pathTo(cyclic, 1);
    expect(p.length).toBeLessThanOrEqual(50);
    expect(p.at(-1)!.id).toBe(1);
  });
});

describe('allowedActions', () => {
  const user = (role: Role, id: number, departmentIds: number[] = [1]): CurrentUser => ({ id, username: `u${id}`, displayName: `U${id}`, role, departmentIds });
  const editor = user('editor', 10);
  const reviewer = user('reviewer', 20);
  const admin = user('admin', 30, []);
  const article = (status: string, over: Partial<{ departmentId: number; authorId: number | null; lastPublishedAt: string | null }> = {}) => ({
    status,
    departmentId: 1,
    authorId: editor.id,
    lastPublishedAt: null,
    ...over,
  });
  const none = { edit: false, submit: false, approve: false, reject: false, withdraw: false, attach: false };

  it('lets an editor edit, submit and attach a draft, and nothing a reviewer does', () => {
    expect(allowedActions(editor, article('draft'))).toEqual({ ...none, edit: true, submit: true, attach: true });
  });

  it('locks an article in review for the editor; the reviewer approves or rejects it', () => {
    expect(allowedActions(editor, article('in_review'))).toEqual(none);
    expect(allowedActions(reviewer, article('in_review'))).toEqual({ ...none, approve: true, reject: true });
  });

  it('lets the editor rework a rejected article and send it again', () => {
    expect(allowedActions(editor, article('rejected'))).toEqual({ ...none, edit: true, submit: true, attach: true });
    expect(allowedActions(reviewer, article('rejected'))).toEqual(none);
  });

  it('lets the editor start a new draft of a published article, and the reviewer withdraw it', () => {
    const published = article('published', { lastPublishedAt: '2026-01-02T00:00:00.000Z' });
    expect(allowedActions(editor, published)).toEqual({ ...none, edit: true, attach: true });
    expect(allowedActions(reviewer, published)).toEqual({ ...none, withdraw: true });
    // A draft of an article that is online can still be withdrawn, but not submitted by a reviewer.
    expect(allowedActions(reviewer, article('draft', { lastPublishedAt: '2026-01-02T00:00:00.000Z' }))).toEqual({ ...none, withdraw: true });
  });

  it('does not let a reviewer approve an article they wrote (they may still reject it)', () => {
    const own = article('in_review', { authorId: reviewer.id });
    expect(allowedActions(reviewer, own).approve).toBe(false);
    expect(allowedActions(reviewer, own).reject).toBe(true);
  });

  it('lets an admin do everything, even approve their own article, in any department', () => {
    expect(allowedActions(admin, article('in_review', { authorId: admin.id, departmentId: 77 }))).toEqual({ ...none, approve: true, reject: true });
    expect(allowedActions(admin, article('draft', { departmentId: 77 }))).toEqual({ ...none, edit: true, submit: true, attach: true });
  });

  it('gives staff of another department, the public and anonymous visitors nothing', () => {
    for (const status of ['draft', 'in_review', 'published', 'rejected', 'withdrawn']) {
      const a = article(status, { lastPublishedAt: status === 'published' ? '2026-01-02T00:00:00.000Z' : null });
      expect(allowedActions(user('editor', 11, [2]), a)).toEqual(none);
      expect(allowedActions(user('reviewer', 21, [2]), a)).toEqual(none);
      expect(allowedActions(user('citizen', 40, [1]), a)).toEqual(none);
      expect(allowedActions(null, a)).toEqual(none);
    }
  });

  it('lets the editor edit a withdrawn article, and nobody withdraw it twice', () => {
    expect(allowedActions(editor, article('withdrawn'))).toEqual({ ...none, edit: true, attach: true });
    expect(allowedActions(reviewer, article('withdrawn')).withdraw).toBe(false);
  });
});
