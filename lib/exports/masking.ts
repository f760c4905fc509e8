import { maskIdNumber, maskPhone } from '@/lib/mask';
import type { Role } from '@/lib/roles';

/**
 * What an export may carry of a person's identifiers, by the exporter's role. A file leaves the
 * portal's access control for good (mail, USB sticks), so the bar is higher than on screen: no
 * role may take full ID numbers or phone numbers out today (PIPL: only what the work needs; a
 * ledger identifies people by name and employee number). A role that one day must — say a
 * finance office paying by bank transfer — is added here, and nowhere else.
 */
const FULL_ID_NUMBERS: readonly Role[] = [];
const FULL_PHONES: readonly Role[] = [];

export interface Masking {
  idNumber(value: string | null): string;
  phone(value: string | null): string;
}

const asIs = (value: string | null) => value ?? '';

export function maskingFor(role: Role): Masking {
  return {
    idNumber: FULL_ID_NUMBERS.includes(role) ? asIs : maskIdNumber,
    phone: FULL_PHONES.includes(role) ? asIs : maskPhone,
  };
}
