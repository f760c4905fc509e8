/** Only same-site paths may follow sign-in; anything else (//evil, https://…) goes to the dashboard. */
export function safeNext(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/dashboard';
  return value;
}
