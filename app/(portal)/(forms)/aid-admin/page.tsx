import { redirect } from 'next/navigation';
import { casePaths } from '@/lib/cases/paths';

/** The section's own address opens its first screen. */
export default function AidAdminPage() {
  redirect(casePaths.standards);
}
