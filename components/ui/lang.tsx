import type { ReactNode } from 'react';

/**
 * Rich-text tags for a phrase in the other language inside a message (`t.rich(key, langTags)`):
 * "Homes visited (<zh>进百家门</zh>)" renders the Chinese with lang="zh-CN", so a screen reader
 * reads it with a Chinese voice (WCAG 3.1.2). Technical terms (PDF, Excel) need no tag.
 */
export const langTags = {
  zh: (chunks: ReactNode) => <span lang="zh-CN">{chunks}</span>,
  en: (chunks: ReactNode) => <span lang="en">{chunks}</span>,
};
