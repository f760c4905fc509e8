import { addYears, format, isValid, parseISO } from 'date-fns';

/** Today's date in China (the mine's calendar), as YYYY-MM-DD. */
const chinaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInChina(now: Date = new Date()): string {
  return chinaDay.format(now);
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
