import { creditCodeCheckChar, residentIdCheckChar } from '../../platform/identity/index.js';

/** A valid demo resident ID (Longsha district code 230202) for a serial. */
export function residentIdFor(serial: number): string {
  const first = `2302021975${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return first + residentIdCheckChar(first);
}

/** A valid demo unified social credit code for a serial. */
export function creditCodeFor(serial: number): string {
  const first = `91230202MA${String(serial % 10_000_000).padStart(7, '0')}`;
  return first + creditCodeCheckChar(first);
}
