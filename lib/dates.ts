import { addYears, format, isValid, parseISO } from 'date-fns';

/**
 * The mine's time zone. Every calendar day in the portal — today, the day of a timestamp, where a
 * day starts — is a day here, whatever zone the server or the browser runs in. SQL takes it from
 * db/time-zone.ts, next-intl from lib/i18n/request.ts; nothing else names it.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const chinaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const chinaTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The day a moment falls on in China, as YYYY-MM-DD. Not `toISOString().slice(0, 10)`: that is the
 * UTC day, which from 00:00 to 08:00 in China is still yesterday.
 */
export function dayInChina(at: Date): string {
  return chinaDay.format(at);
}

/** Today's date in China (the mine's calendar), as YYYY-MM-DD. */
export function todayInChina(): string {
  return dayInChina(new Date());
}

/** A moment as the mine's clock shows it: "2025-03-01 14:05". */
export function dateTimeInChina(at: Date): string {
  return `${dayInChina(at)} ${chinaTime.format(at)}`;
}

export function isIsoDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value)) && format(parseISO(value), 'yyyy-MM-dd') === value
  );
}

/** One year on; 29 February moves to 28 February. */
export function plusOneYear(isoDate: string): string {
  return format(addYears(parseISO(isoDate), 1), 'yyyy-MM-dd');
}

export function yearStart(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}
