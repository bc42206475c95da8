/**
 * The policy as schema.org JSON-LD, the structured data search engines read for merchant listings:
 * shipping (per method and destination) and returns, at the offer level (one product's offer) or the
 * organization level (the shop's standing policies). Nothing is stated that the file does not state,
 * and the delivery days are the padded ones the page shows: a page and its markup must not disagree
 * (in France the window announced to the buyer is the binding delivery deadline, Code de la
 * consommation L216-1).
 *
 * The shapes are checked against `schema-dts`'s types when this file is compiled; no code of it is
 * loaded at run time (type imports only).
 */
import type {
  DayOfWeek,
  DefinedRegion,
  MerchantReturnPolicy,
  MonetaryAmount,
  Offer,
  OfferShippingDetails,
  OnlineStore,
  OpeningHoursSpecification,
  QuantitativeValue,
  ServicePeriod,
  ShippingConditions,
  ShippingDeliveryTime,
  ShippingService,
  WithContext,
} from 'schema-dts';
import { quoteMethod } from './arithmetic.js';
import { ISO_HINT, describe, instantMs, parseDay, readInstant, timeOfDay, wallClock } from './calendar.js';
import { own, parsePolicy, PolicyError } from './parse.js';
import { textFor } from './text.js';
import type { DayRange, DeliveryMethod, Money, NonRefundableEntry, Policy, Weekday } from './types.js';

/** A JSON-LD node: schema.org's context, a type, and its properties (plain JSON, ready to stringify). */
export interface StructuredData {
  '@context': 'https://schema.org';
  '@type': string;
  [property: string]: unknown;
}

export type StructuredDataLevel = 'offer' | 'organization';

export interface StructuredDataOptions {
  /**
   * `offer` (default): an `Offer` with `shippingDetails` and `hasMerchantReturnPolicy`, to merge into
   * a product's offer. `organization`: an `OnlineStore` with `hasShippingService` and
   * `hasMerchantReturnPolicy`, the shop's standing policies.
   */
  level?: StructuredDataLevel;
  /**
   * The instant the markup is made for (default: now): the cutoff is written with the merchant's
   * UTC offset in force on that date, which daylight saving time changes. An ISO string without an
   * offset is a reading of the merchant's clock, as for `quoteDelivery`.
   */
  now?: Date | string | number;
  /** The language of the merchant's texts (method labels, shop name, item lists); default `en`. */
  lang?: string;
  /** Only one part: `shipping` or `returns` (default: both). */
  only?: 'shipping' | 'returns';
  /**
   * Offer level: the id of the product's `nonRefundable` entry. A category that can never come
   * back (custom-made, perishable) then gets `MerchantReturnNotPermitted`; any other keeps the
   * shop's return policy (hygiene goods and sealed media can come back while sealed).
   */
  nonRefundable?: string;
}

const SCHEMA = 'https://schema.org' as const;
const MINUTE = 60_000;
const DAY = 86_400_000;

const DAY_NAMES: Record<Weekday, DayOfWeek> = {
  mon: 'https://schema.org/Monday',
  tue: 'https://schema.org/Tuesday',
  wed: 'https://schema.org/Wednesday',
  thu: 'https://schema.org/Thursday',
  fri: 'https://schema.org/Friday',
  sat: 'https://schema.org/Saturday',
  sun: 'https://schema.org/Sunday',
};

/** The reasons whose goods can never come back (Directive 2011/83/EU art. 16 (c), (d)). */
const NEVER_RETURNED = new Set<NonRefundableEntry['reason']>(['custom-made', 'perishable']);

const days = ({ min, max }: DayRange): QuantitativeValue => ({
  '@type': 'QuantitativeValue',
  minValue: min,
  maxValue: max,
  unitCode: 'DAY',
});

const openOn = (weekdays: readonly Weekday[]): OpeningHoursSpecification => ({
  '@type': 'OpeningHoursSpecification',
  dayOfWeek: weekdays.map((d) => DAY_NAMES[d]),
});

const money = ({ amount, currency }: Money): MonetaryAmount => ({
  '@type': 'MonetaryAmount',
  value: amount,
  currency,
});

const region = (country: string): DefinedRegion => ({ '@type': 'DefinedRegion', addressCountry: country });

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The cutoff as an ISO 8601 time with the merchant's UTC offset in force at the cutoff on the date of
 * `now` ("14:00:00+01:00" in Paris in winter, "14:00:00+02:00" in summer). On the night a clock skips
 * that reading, the reading it jumps to, with its offset: the same instant either way.
 */
function cutoffTime(cutoff: string, now: number, timeZone: string): string {
  const today = parseDay(wallClock(now, timeZone).date)!;
  const at = instantMs(today, timeOfDay(cutoff), timeZone, -Infinity);
  const local = wallClock(at, timeZone);
  const [h, m, s] = local.time.split(':').map(Number) as [number, number, number];
  const offset = Math.round((parseDay(local.date)! * DAY + ((h * 60 + m) * 60 + s) * 1000 - at) / MINUTE);
  const sign = offset < 0 ? '-' : '+';
  return `${local.time}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/**
 * The destinations of a method: its countries; without a list, it serves every country, and the
 * merchant's own country is the one the file names (none when the merchant has no country).
 */
const destinations = (policy: Policy, m: DeliveryMethod): (string | undefined)[] =>
  m.countries?.length ? m.countries : [policy.merchant.country];

/**
 * The padded days of a method, in two parts: handling (business days) and transit with the padding
 * (delivery days). Their sums are `quoteDelivery`'s quoted minDays and maxDays, the page's "4–6 days".
 */
function paddedDays(policy: Policy, m: DeliveryMethod, now: number) {
  const { quoted } = quoteMethod(policy, m, now);
  const handling = m.handlingDays;
  return { handling, transit: { min: quoted.minDays - handling.min, max: quoted.maxDays - handling.max } };
}

const sameDays = (a: readonly Weekday[], b: readonly Weekday[]) =>
  a.length === b.length && a.every((d) => b.includes(d));

/**
 * One method as a `ShippingService` (the organization-level form): its handling time counts the
 * business days, the transit time of each destination the delivery days, each with its own days.
 */
function shippingService(policy: Policy, m: DeliveryMethod, now: number, lang: string, only?: string) {
  const { handling, transit } = paddedDays(policy, m, now);
  const name = textFor(m.label, lang);
  const handlingTime: ServicePeriod = {
    '@type': 'ServicePeriod',
    duration: days(handling),
    businessDays: openOn(policy.calendar.businessDays),
    ...(m.cutoff ? { cutoffTime: cutoffTime(m.cutoff, now, policy.merchant.timeZone) } : {}),
  };
  const conditions = destinations(policy, m)
    .filter((country) => only === undefined || country === only)
    .map((country): ShippingConditions => ({
      '@type': 'ShippingConditions',
      ...(country ? { shippingDestination: region(country) } : {}),
      ...(m.price ? { shippingRate: money(m.price) } : {}),
      transitTime: {
        '@type': 'ServicePeriod',
        duration: days(transit),
        businessDays: openOn(policy.calendar.deliveryDays),
      },
    }));
  return {
    '@type': 'ShippingService',
    ...(name ? { name } : {}),
    handlingTime,
    shippingConditions: conditions,
  } satisfies ShippingService;
}

/**
 * One method to one destination as an `OfferShippingDetails`. Where the carrier delivers on other
 * days than the shop prepares orders, one `businessDays` would be false for one of the two: the
 * delivery time then leaves it out and the method's `ShippingService` says each part's own days.
 */
function offerShippingDetails(policy: Policy, m: DeliveryMethod, now: number, lang: string) {
  const { handling, transit } = paddedDays(policy, m, now);
  const { businessDays, deliveryDays } = policy.calendar;
  const same = sameDays(businessDays, deliveryDays);
  return destinations(policy, m).map((country): OfferShippingDetails => {
    const deliveryTime: ShippingDeliveryTime = {
      '@type': 'ShippingDeliveryTime',
      handlingTime: days(handling),
      transitTime: days(transit),
      ...(m.cutoff ? { cutoffTime: cutoffTime(m.cutoff, now, policy.merchant.timeZone) } : {}),
      ...(same ? { businessDays: openOn(businessDays) } : {}),
    };
    return {
      '@type': 'OfferShippingDetails',
      ...(country ? { shippingDestination: region(country) } : {}),
      ...(m.price ? { shippingRate: money(m.price) } : {}),
      deliveryTime,
      ...(same ? {} : { hasShippingService: shippingService(policy, m, now, lang, country) }),
    };
  });
}

/** The countries a return policy applies to: those delivered to, else the merchant's own. */
function applicableCountries(policy: Policy): string[] {
  const countries = new Set<string>();
  for (const m of policy.delivery?.methods ?? []) for (const c of m.countries ?? []) countries.add(c);
  if (!countries.size && policy.merchant.country) countries.add(policy.merchant.country);
  return [...countries];
}

/** What every return policy of the shop shares: where it applies, where items go back, the link. */
function returnPolicyBase(policy: Policy) {
  const countries = applicableCountries(policy);
  const { country, policyUrl } = policy.merchant;
  return {
    '@type': 'MerchantReturnPolicy',
    ...(countries.length ? { applicableCountry: countries } : {}),
    ...(country ? { returnPolicyCountry: country } : {}),
    ...(policyUrl ? { merchantReturnLink: policyUrl } : {}),
  } satisfies MerchantReturnPolicy;
}

/** The shop's return policy, from its `returns` section. */
function returnPolicy(policy: Policy): MerchantReturnPolicy | undefined {
  const returns = policy.returns;
  if (!returns) return undefined;
  const { fees, refund } = returns;
  const methods = (returns.methods ?? []).flatMap((m) =>
    // Home collection has no schema.org return method: it is left out rather than miscalled.
    m === 'mail'
      ? ['https://schema.org/ReturnByMail' as const]
      : m === 'store'
        ? ['https://schema.org/ReturnInStore' as const]
        : [],
  );
  const free = fees === 'free' || (typeof fees === 'object' && fees.amount === 0);
  const refundType =
    refund?.method === 'original-payment'
      ? 'https://schema.org/FullRefund'
      : refund?.method === 'store-credit'
        ? 'https://schema.org/StoreCreditRefund'
        : refund?.method === 'exchange'
          ? 'https://schema.org/ExchangeRefund'
          : undefined;
  return {
    ...returnPolicyBase(policy),
    returnPolicyCategory: 'https://schema.org/MerchantReturnFiniteReturnWindow',
    merchantReturnDays: returns.windowDays,
    ...(methods.length ? { returnMethod: methods.length === 1 ? methods[0] : methods } : {}),
    ...(free
      ? { returnFees: 'https://schema.org/FreeReturn' }
      : fees === 'customer-pays'
        ? { returnFees: 'https://schema.org/ReturnFeesCustomerResponsibility' }
        : typeof fees === 'object'
          ? { returnFees: 'https://schema.org/ReturnShippingFees', returnShippingFeesAmount: money(fees) }
          : {}),
    ...(refundType ? { refundType } : {}),
    // A number is a percentage of the price (schema.org's restockingFee).
    ...(returns.restockingFeePercent !== undefined ? { restockingFee: returns.restockingFeePercent } : {}),
  };
}

/** A category whose goods can never come back, as a policy of its own. */
const notPermitted = (policy: Policy, entry: NonRefundableEntry, lang: string): MerchantReturnPolicy => {
  const items = textFor(entry.items, lang);
  return {
    ...returnPolicyBase(policy),
    ...(items ? { name: items } : {}),
    returnPolicyCategory: 'https://schema.org/MerchantReturnNotPermitted',
  };
};

/** The instant of the options, read as `quoteDelivery` reads it. */
function readNow(policy: Policy, given: StructuredDataOptions['now']): number {
  // Date.now(), not new Date(): a page that moves only Date.now() still gets the dates of its clock.
  const now = readInstant(given ?? Date.now(), policy.merchant.timeZone, `"now" (${describe(given)})`);
  if (Number.isNaN(now))
    throw new PolicyError([{ path: '', message: `"now" is not a valid instant: ${describe(given)}. ${ISO_HINT}` }]);
  return now;
}

/**
 * The policy as schema.org JSON-LD: an `Offer` (offer level, the default) or an `OnlineStore`
 * (organization level), with the shipping of every delivery method to each of its countries and
 * the return policy. Accepts a raw policy or `parsePolicy`'s result; throws a `PolicyError` for an
 * invalid one, an unknown `nonRefundable` id or an invalid `now`.
 */
export function structuredData(input: Policy | unknown, options: StructuredDataOptions = {}): StructuredData {
  const policy = parsePolicy(input);
  // Own properties only, as quoteDelivery reads its options.
  const level = (own(options, 'level') as StructuredDataLevel | undefined) ?? 'offer';
  const lang = (own(options, 'lang') as string | undefined) ?? 'en';
  const only = own(options, 'only') as StructuredDataOptions['only'];
  const category = own(options, 'nonRefundable') as string | undefined;
  if (level !== 'offer' && level !== 'organization')
    throw new PolicyError([
      { path: '', message: `The level must be "offer" or "organization" (found ${describe(level)}).` },
    ]);
  const now = readNow(policy, own(options, 'now') as StructuredDataOptions['now']);
  const methods = only === 'returns' ? [] : (policy.delivery?.methods ?? []);
  const withReturns = only !== 'shipping';

  if (level === 'organization') {
    const name = textFor(policy.merchant.name, lang);
    const returns = withReturns
      ? [
          returnPolicy(policy),
          ...(policy.nonRefundable ?? [])
            .filter((e) => NEVER_RETURNED.has(e.reason))
            .map((e) => notPermitted(policy, e, lang)),
        ].filter((p) => p !== undefined)
      : [];
    const store = {
      '@context': SCHEMA,
      '@type': 'OnlineStore',
      ...(name ? { name } : {}),
      ...(methods.length ? { hasShippingService: methods.map((m) => shippingService(policy, m, now, lang)) } : {}),
      ...(returns.length ? { hasMerchantReturnPolicy: returns } : {}),
    } satisfies WithContext<OnlineStore>;
    return store;
  }

  let returns: MerchantReturnPolicy | undefined;
  if (withReturns) {
    const entry = category === undefined ? undefined : policy.nonRefundable?.find((e) => e.id === category);
    if (category !== undefined && !entry) {
      const ids = (policy.nonRefundable ?? []).map((e) => `"${e.id}"`).join(', ');
      throw new PolicyError([
        {
          path: '/nonRefundable',
          message: `No non-refundable entry has the id "${category}" (${ids ? `the policy has ${ids}` : 'the policy has none'}).`,
        },
      ]);
    }
    returns = entry && NEVER_RETURNED.has(entry.reason) ? notPermitted(policy, entry, lang) : returnPolicy(policy);
  }
  const offer = {
    '@context': SCHEMA,
    '@type': 'Offer',
    ...(methods.length ? { shippingDetails: methods.flatMap((m) => offerShippingDetails(policy, m, now, lang)) } : {}),
    ...(returns ? { hasMerchantReturnPolicy: returns } : {}),
  } satisfies WithContext<Offer>;
  return offer;
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: every `<` written `\u003c`, so that
 * no merchant text ("</script>", "<!--") can end the script or open a comment in it.
 */
export const structuredDataScript = (data: StructuredData, space?: number): string =>
  JSON.stringify(data, null, space).replace(/</g, '\\u003c');
