import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { ALLOWED_EXTENSIONS, checkUpload, cleanFilename } from './files.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);

/** The AppError checkUpload throws, or fails the test when it does not throw one. */
function refusal(filename: string, content: Buffer, max = 1024 * 1024): AppError {
  try {
    checkUpload(filename, content, max);
  } catch (e) {
    if (e instanceof AppError) {
      return e;
    }
    throw e;
  }
  throw new Error(`${filename} was accepted`);
}

describe('checkUpload', () => {
  it('accepts a real PDF and names its type', () => {
    expect(checkUpload('通知.pdf', PDF, 1024 * 1024)).toEqual({ mimeType: 'application/pdf' });
    expect(checkUpload('REPORT.PDF', PDF, 1024 * 1024)).toEqual({ mimeType: 'application/pdf' });
  });

  it('accepts other listed types whose content matches', () => {
    expect(checkUpload('图.png', PNG, 1024).mimeType).toBe('image/png');
    expect(checkUpload('表.xlsx', ZIP, 1024).mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(checkUpload('说明.txt', Buffer.from('纯文本说明'), 1024).mimeType).toBe('text/plain; charset=utf-8');
  });

  it('refuses an extension that is not on the list (415, field file)', () => {
    for (const name of ['setup.exe', 'page.html', 'script.js', 'noextension', 'pdf', 'x.pdf.exe']) {
      const e = refusal(name, PDF);
      expect(e.status).toBe(415);
      expect(e.fields).toEqual([expect.objectContaining({ field: 'file', key: 'validation.file_type' })]);
    }
    expect(ALLOWED_EXTENSIONS).not.toContain('exe');
  });

  it('refuses content that does not match the extension, e.g. HTML named .pdf (415)', () => {
    const e = refusal('x.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(e.status).toBe(415);
    expect(e.fields[0]).toMatchObject({ field: 'file', key: 'validation.file_content' });
    expect(refusal('x.png', PDF).status).toBe(415);
    expect(refusal('x.docx', PDF).status).toBe(415);
  });

  it('refuses a text file that is not valid UTF-8', () => {
    expect(refusal('x.txt', Buffer.from([0xff, 0xfe, 0xfd])).status).toBe(415);
  });

  it('refuses an empty file (400)', () => {
    const e = refusal('x.pdf', Buffer.alloc(0));
    expect(e.status).toBe(400);
    expect(e.fields[0]).toMatchObject({ field: 'file', key: 'validation.file_empty' });
  });

  it('refuses a file above the limit (413) and accepts one exactly at it', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]);
    const e = refusal('big.pdf', big, big.length - 1);
    expect(e.status).toBe(413);
    expect(e.fields[0]).toMatchObject({ field: 'file', key: 'validation.file_size' });
    expect(checkUpload('big.pdf', big, big.length).mimeType).toBe('application/pdf');
  });
});

describe('cleanFilename', () => {
  it('drops path parts and characters that are unsafe in a header or file system', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\a\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFilename('a"b<c>d|e?.pdf')).toBe('abcde.pdf');
    expect(cleanFilename('line\r\nbreak.pdf')).toBe('linebreak.pdf');
  });
  it('never returns an empty name and caps the length', () => {
    expect(cleanFilename('')).toBe('file');
    expect(cleanFilename('dir/')).toBe('file');
    expect(cleanFilename(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
  });
});
