// Types for the test that checks demo/policy.json: the script itself stays plain JavaScript.
export const LAST_YEAR: number;
/** France's eleven public holidays of a year, as YYYY-MM-DD in order. */
export function frenchHolidays(year: number): string[];
/** The withdrawal section the demo policy adds to the shared one. */
export const DEMO_WITHDRAWAL: { days: number; endpoint: string; email: string };
/** demo/policy.json as the script writes it. */
export function demoPolicy(): string;
export const DEMO_CONTACT: { email: string; phone: string };
export const DEMO_CANCELLATION_URL: string;
