import { ClientMessages } from '@/components/layout/client-messages';

/**
 * The sections with forms (every one but the dashboard) get the messages their client-side forms
 * need (field errors, every section's labels). The dashboard, opened by everyone every morning,
 * gets only its own (the 'dashboard' set).
 */
export default function FormsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="forms">{children}</ClientMessages>;
}
