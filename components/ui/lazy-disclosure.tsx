'use client';

import { useState, type ReactNode } from 'react';
import { DISCLOSURE_BODY_CLASS, DISCLOSURE_CLASS, DisclosureSummary } from '@/components/register/disclosure';

/**
 * A Disclosure whose content is rendered only once it is first opened: for a form on every row of
 * a long list (a campaign's hundred entries), which would otherwise be rendered and sent closed a
 * hundred times. The forms inside need JavaScript anyway; once opened, the content stays.
 */
export function LazyDisclosure({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={DISCLOSURE_CLASS} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <DisclosureSummary summary={summary} />
      <div className={DISCLOSURE_BODY_CLASS}>{opened ? children : null}</div>
    </details>
  );
}
