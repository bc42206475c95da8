/** A weekday as written in a policy file. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

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

export type SlotAnnouncement = 'day-before' | 'same-day' | 'on-booking';

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

export interface Merchant {
  name?: Text;
  timeZone: string;
  country?: string;
  policyUrl?: string;
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

export type ReturnChannel = 'mail' | 'store' | 'pickup';
export type ReturnCondition = 'unused' | 'original-packaging' | 'any';
export type RefundMethod = 'original-payment' | 'store-credit' | 'exchange';

export interface Returns {
  windowDays: number;
  fees?: 'free' | 'customer-pays' | Money;
  methods?: ReturnChannel[];
  condition?: ReturnCondition;
  refund?: { method?: RefundMethod; withinDays?: number };
  restockingFeePercent?: number;
  notes?: Text;
}

export type NonRefundableReason = 'hygiene' | 'custom-made' | 'perishable' | 'sealed-media' | 'final-sale' | 'other';

export interface NonRefundableEntry {
  id: string;
  reason: NonRefundableReason;
  items: Text;
  explanation?: Text;
}

export type CancellationChannel = 'online' | 'phone' | 'store' | 'email';

export interface Cancellation {
  free?: { until: 'shipment' } | { withinHours: number };
  fee?: Money | { percent: number };
  channels?: CancellationChannel[];
  noticeDays?: number;
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
