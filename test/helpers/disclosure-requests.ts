import { creditCodeCheckChar, residentIdCheckChar } from '../../src/platform/identity/index.js';

/** A valid resident ID number (born 1980-01-01 in 230202, Qiqihar Longsha) with a serial. */
export function residentId(serial = 1): string {
  const first = `23020219800101${String(serial % 1000).padStart(3, '0')}`;
  return first + residentIdCheckChar(first);
}

/** A valid unified social credit code with a serial. */
export function creditCode(serial = 1): string {
  const first = `91230202MA${String(serial % 10_000_000).padStart(7, '0')}`;
  return first + creditCodeCheckChar(first);
}

/** The form fields of a valid natural-person application to an agency. */
export function applicationFields(departmentId: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    departmentId: String(departmentId),
    applicantCategory: 'natural_person',
    applicantName: '张三',
    idNumber: residentId(),
    phone: '13800138000',
    email: 'zhangsan@example.cn',
    infoName: '城南片区房屋征收补偿标准',
    infoDocNumber: '',
    infoDescription: '2026年城南片区棚户区改造项目的征收补偿安置方案',
    preferredForm: 'electronic',
    delivery: 'download',
    ...over,
  };
}
