// CSV writing for the template and the refused-rows download (opened in Excel, hence the BOM).
import { creditCodeCheckChar } from '../../platform/identity/index.js';
import { COLUMNS, HEADERS_ZH } from './enterprises.rows.js';

const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Rows as CSV text with a UTF-8 BOM and CRLF line ends. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The import template: the Chinese header and one example row. */
export function templateCsv(): string {
  const first17 = '91442000MA4X0001A';
  const example: Record<string, string> = {
    creditCode: first17 + creditCodeCheckChar(first17),
    name: '中山市示例电器有限公司',
    enterpriseType: '有限责任公司',
    ownership: '私营',
    industryCode: 'C3854',
    size: '',
    foundedOn: '2018-06-01',
    registeredCapital: '500',
    town: '东凤镇',
    legalRepresentative: '张三',
    legalMobile: '13800138000',
    employees: '45',
    revenue: '3200',
    taxPaid: '120',
    rdRatio: '3.5',
    tags: '高新技术企业、专精特新',
  };
  return toCsv([COLUMNS.map((c) => HEADERS_ZH[c]), COLUMNS.map((c) => example[c] ?? '')]);
}
