import { StatusPage } from '@/components/ui/status-page';

/** A case missing or out of scope: the same 404, inside the portal's frame. */
export default function CaseNotFound() {
  return <StatusPage code={404} kind="notFound" />;
}
