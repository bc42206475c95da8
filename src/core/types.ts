/*
 * The closed lists of the policy format, each written once: the types below are derived from them,
 * the validator (parse.ts) accepts exactly their values, and tests/core/schema.test.ts holds
 * policy.schema.json's enums to them.
 */

/** The weekdays as written in a policy file, in the order of `Date#getUTCDay` (Sunday is 0). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const SLOT_ANNOUNCEMENTS = ['day-before', 'same-day', 'on-booking'] as const;
export const RETURN_FEES = ['free', 'customer-pays'] as const;
export const RETURN_CHANNELS = ['mail', 'store', 'pickup'] as const;
export const RETURN_CONDITIONS = ['unused', 'original-packaging', 'any'] as const;
export const REFUND_METHODS = ['original-payment', 'store-credit', 'exchange'] as const;
export const NON_REFUNDABLE_REASONS = [
  'hygiene',
  'custom-made',
  'perishable',
  'sealed-media',
  'final-sale',
  'other',
] as const;
/** What free cancellation may last until, besides a number of hours. */
export const FREE_CANCELLATION_UNTIL = ['shipment'] as const;
export const CANCELLATION_CHANNELS = ['online', 'phone', 'store', 'email'] as const;

/** A weekday as written in a policy file. */
export type Weekday = (typeof WEEKDAYS)[number];

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Merchant-written text: one string for every language, or one per language tag. */
export type Text = string | Readonly<Record<string, string>>;

export interface Money {
  amount: number;
  currency: string;
}

export interface DayRange {
  min: number;
  max: number;
}

export type SlotAnnouncement = (typeof SLOT_ANNOUNCEMENTS)[number];

export interface TimeSlot {
  hours: number;
  from: string;
  to: string;
  announced?: SlotAnnouncement;
}

export interface DeliveryMethod {
  id: string;
  label?: Text;
  countries?: string[];
  cutoff?: string;
  handlingDays: DayRange;
  transitDays: DayRange;
  padding: DayRange;
  price?: Money;
  timeSlot?: TimeSlot;
  note?: Text;
}

/** How shoppers reach the shop; each shown with the channels that use it. */
export interface Contact {
  /** An e-mail address (checked for shape only). */
  email?: string;
  /** A phone number: digits, spaces, `+`, `-`, `.`, `(`, `)`. */
  phone?: string;
}

export interface Merchant {
  name?: Text;
  timeZone: string;
  country?: string;
  policyUrl?: string;
  contact?: Contact;
}

export interface Calendar {
  businessDays: Weekday[];
  deliveryDays: Weekday[];
  holidays: LocalDate[];
}

export interface Delivery {
  padding: DayRange;
  methods: DeliveryMethod[];
}

export type ReturnFee = (typeof RETURN_FEES)[number];
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];
export type RefundMethod = (typeof REFUND_METHODS)[number];

export interface Returns {
  windowDays: number;
  fees?: ReturnFee | Money;
  methods?: ReturnChannel[];
  condition?: ReturnCondition;
  refund?: { method?: RefundMethod; withinDays?: number };
  restockingFeePercent?: number;
  notes?: Text;
}

export type NonRefundableReason = (typeof NON_REFUNDABLE_REASONS)[number];

export interface NonRefundableEntry {
  id: string;
  reason: NonRefundableReason;
  items: Text;
  explanation?: Text;
}

export type CancellationChannel = (typeof CANCELLATION_CHANNELS)[number];

export interface Cancellation {
  free?: { until: (typeof FREE_CANCELLATION_UNTIL)[number] } | { withinHours: number };
  fee?: Money | { percent: number };
  channels?: CancellationChannel[];
  noticeDays?: number;
  /** Where to cancel online: https (http://localhost for development). */
  url?: string;
}

/**
 * The EU right of withdrawal for distance sales (Directive 2011/83/EU art. 9 and 11a): the period,
 * and the withdrawal function `<policy-withdrawal>` gives.
 */
export interface Withdrawal {
  /** Calendar days, counted from delivery. */
  days?: number;
  /** Where `<policy-withdrawal>` POSTs a withdrawal: https (http://localhost for development). */
  endpoint?: string;
  /** The address offered when the endpoint fails. */
  email?: string;
}

/** The fields `<policy-withdrawal>` POSTs as JSON to `withdrawal.endpoint`, in this order. */
export const WITHDRAWAL_REQUEST_FIELDS = ['name', 'order', 'email', 'lang', 'submittedAt'] as const;

/** What `<policy-withdrawal>` POSTs to `withdrawal.endpoint`, as `application/json`. */
export type WithdrawalRequest = Record<(typeof WITHDRAWAL_REQUEST_FIELDS)[number], string>;

/** A 2xx answer's JSON: the acknowledgement's id and the instant the withdrawal was received (ISO). */
export interface WithdrawalAcknowledgement {
  id: string;
  receivedAt: string;
}

/** A policy as `parsePolicy` returns it: valid, with every default applied. */
export interface Policy {
  version: 1;
  merchant: Merchant;
  calendar: Calendar;
  delivery?: Delivery;
  returns?: Returns;
  nonRefundable?: NonRefundableEntry[];
  cancellation?: Cancellation;
  withdrawal?: Withdrawal;
}

/** One problem in a policy file: where (a JSON Pointer) and what, in plain words. */
export interface Issue {
  path: string;
  message: string;
}

export interface DeliveryWindow {
  earliest: LocalDate;
  latest: LocalDate;
  minDays: number;
  maxDays: number;
}

export interface DeliveryQuote {
  /** The id of the method quoted. */
  method: string;
  /** R: the local date the order counts as received. */
  received: LocalDate;
  /** What the carrier's own figures give. */
  actual: DeliveryWindow;
  /** What the shopper is told: the actual window widened by the padding. */
  quoted: DeliveryWindow;
  /** When the method has a cutoff and R is today: the instant after which an order gets a later window. */
  cutoff?: string;
}
