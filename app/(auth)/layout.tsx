import { FormMessages } from '@/components/layout/form-messages';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <FormMessages>{children}</FormMessages>;
}
