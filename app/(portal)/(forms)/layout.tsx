import { FormMessages } from '@/components/layout/form-messages';

/** The sections with forms (every one but the dashboard): see components/layout/form-messages.tsx. */
export default function FormsLayout({ children }: { children: React.ReactNode }) {
  return <FormMessages>{children}</FormMessages>;
}
