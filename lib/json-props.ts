import { useMemo } from 'react';

/**
 * A client component's data handed over as one JSON string. React serialises an object prop value
 * by value into the page's RSC payload and revives it the same way for the HTML, on every request;
 * a string of JSON crosses as one raw text chunk and is parsed natively. For the dashboards' tables
 * of figures (~14 KB on a leader's page) that is ~0.3 ms of CPU a request. Only for plain data:
 * dates and other non-JSON values would not survive.
 */
export type JsonOf<T> = string & { readonly __jsonOf?: T };

export function toJson<T>(value: T): JsonOf<T> {
  return JSON.stringify(value) as JsonOf<T>;
}

/** The value behind `json`, parsed once per string the component receives. */
export function useFromJson<T>(json: JsonOf<T>): T {
  return useMemo(() => JSON.parse(json) as T, [json]);
}
