/**
 * What EU consumer law says of a policy, for consumer distance sales (an online shop selling to
 * consumers in an EU member state): warnings, each at its JSON Pointer, citing its rule and saying
 * what to change. Warnings, never errors: the law has exceptions the file cannot show (a business
 * customer, a service, a shopper's express agreement), so the shop decides.
 *
 * Pure: no DOM, no clock of its own (`now` is given or read once), works in Node and browsers.
 */
import { quoteMethod } from './arithmetic.js';
import { instantOf, parseDay, wallClock } from './calendar.js';
import { own, parsePolicy } from './parse.js';
import type { Issue, NonRefundableReason, Policy } from './types.js';

/** The EU member states (ISO 3166-1 alpha-2; Greece is GR there, EL in EU texts). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const; // prettier-ignore

/** Outside the EU but bound to the Consumer Rights Directive through the EEA Agreement. */
const EEA_ONLY = ['IS', 'LI', 'NO'];

/** The first day the withdrawal function is required (Directive (EU) 2023/2673, art. 2). */
export const WITHDRAWAL_FUNCTION_FROM = '2026-06-19';

/** The shortest withdrawal period and the latest refund, in days (art. 9 and 13). */
const WITHDRAWAL_DAYS = 14;
const REFUND_DAYS = 14;
/** Art. 18: delivery within 30 days of the order unless the parties agree otherwise. */
const DELIVERY_DAYS = 30;

/** A warning of the legal check: where, what (with what to change and the rule), and each part alone. */
export interface LegalWarning extends Issue {
  /** The rules cited: the directive's article, and the national transposition where known. */
  rule: string;
  /** What to change in the policy. */
  change: string;
}

export interface LegalCheck {
  /** Whether the EU consumer rules apply to sales into the country. */
  applies: boolean;
  /** The country checked, upper-case. */
  country: string;
  /** When they do not apply, why, in plain words. */
  note?: string;
  warnings: LegalWarning[];
}

export interface LegalCheckOptions {
  /** The buyer's country (ISO 3166-1 alpha-2), e.g. "FR". */
  country: string;
  /**
   * The instant checked at (default: now), for the rules that start on a date and the delivery
   * quotes. An ISO string without an offset is a reading of the merchant's clock.
   */
  now?: Date | string;
  /**
   * The policy as written (the parsed JSON), read for fields this version's parser may not know yet
   * (`withdrawal`): defensively, own properties only. Default: the input, when it is not parsed.
   */
  raw?: unknown;
}

/** The articles of the directive and of each transposition, by topic. */
type Topic = 'withdrawal' | 'exceptions' | 'costs' | 'refund' | 'returnInfo' | 'delivery' | 'function';

const DIRECTIVE: Record<Topic, string> = {
  withdrawal: 'Directive 2011/83/EU art. 9',
  exceptions: 'Directive 2011/83/EU art. 16',
  costs: 'Directive 2011/83/EU art. 9 and 14',
  refund: 'Directive 2011/83/EU art. 13',
  returnInfo: 'Directive 2011/83/EU art. 6(1)(i) and 14(1)',
  delivery: 'Directive 2011/83/EU art. 18',
  function: 'Directive 2011/83/EU art. 11a, inserted by Directive (EU) 2023/2673',
};

const NATIONAL: Record<string, Partial<Record<Topic, string>>> = {
  FR: {
    withdrawal: 'Code de la consommation L221-18',
    exceptions: 'Code de la consommation L221-28',
    costs: 'Code de la consommation L221-23',
    refund: 'Code de la consommation L221-24',
    returnInfo: 'Code de la consommation L221-5 and L221-23',
    delivery: 'Code de la consommation L216-1',
    function: 'Ordonnance 2026-2 and Décret 2026-3 of 5 January 2026',
  },
  ES: {
    withdrawal: 'TRLGDCU art. 102 and 104',
    exceptions: 'TRLGDCU art. 103',
    costs: 'TRLGDCU art. 102 and 108',
    refund: 'TRLGDCU art. 107',
    returnInfo: 'TRLGDCU art. 97.1.i and 108.1',
    delivery: 'TRLGDCU art. 66 bis',
  },
};

/** The reasons art. 16 lets a shop refuse: (c) custom-made, (d) perishable, (e) sealed hygiene, (i) sealed media. */
const EXCEPTIONS: readonly NonRefundableReason[] = ['custom-made', 'perishable', 'hygiene', 'sealed-media'];

const isEu = (country: string) => (EU_COUNTRIES as readonly string[]).includes(country);

/** Whether `country` (any case) is an EU member state. */
export const isEuCountry = (country: string): boolean => isEu(country.toUpperCase());

/** Why no EU rules are checked for `country` (any case), or undefined for an EU member state. */
export function outsideEu(country: string): string | undefined {
  const code = country.toUpperCase();
  if (isEu(code)) return undefined;
  return EEA_ONLY.includes(code)
    ? `${code} is not an EU member state: no EU rules are checked. It applies the Consumer Rights Directive through the EEA Agreement; check its national law.`
    : `${code} is not an EU member state: no EU consumer rules apply to sales there, and none are checked.`;
}

/** Days from one local date to another (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => parseDay(to)! - parseDay(from)!;

const positive = (n: unknown) => typeof n === 'number' && n > 0;

/**
 * The EU consumer-law warnings of a policy for sales to consumers in `country`. For a country
 * outside the EU, `applies` is false and `note` says so. Takes a raw policy (object or JSON string)
 * or a parsed one; throws the `PolicyError` of `parsePolicy` for an invalid one.
 */
export function euLawCheck(input: Policy | unknown, options: LegalCheckOptions): LegalCheck {
  const policy = parsePolicy(input);
  const country = String(own(options, 'country') ?? '').toUpperCase();
  const note = outsideEu(country);
  if (note !== undefined) return { applies: false, country, note, warnings: [] };
  const rule = (topic: Topic) => [DIRECTIVE[topic], NATIONAL[country]?.[topic]].filter(Boolean).join('; ');
  const warnings: LegalWarning[] = [];
  const warn = (path: string, what: string, change: string, topic: Topic) =>
    warnings.push({ path, message: `${what} ${change} (${rule(topic)})`, rule: rule(topic), change });

  const { timeZone } = policy.merchant;
  const given = own(options, 'now') as LegalCheckOptions['now'];
  const now = instantOf(given ?? new Date(), timeZone);
  const today = Number.isNaN(now.getTime()) ? undefined : wallClock(now, timeZone).date;

  // The right of withdrawal: 14 days from delivery at least.
  const { returns } = policy;
  if (!returns) {
    warn(
      '/returns',
      'The policy has no returns section: consumers buying at a distance may withdraw within 14 days of delivery without giving a reason, and must be told how, and who pays for sending items back.',
      'Add a returns section with "windowDays" of 14 or more and "fees".',
      'withdrawal',
    );
  } else {
    if (returns.windowDays < WITHDRAWAL_DAYS) {
      warn(
        '/returns/windowDays',
        `The return window is ${returns.windowDays} days, shorter than the 14-day right of withdrawal from delivery.`,
        'Set "windowDays" to 14 or more.',
        'withdrawal',
      );
    }
    if (returns.fees === undefined) {
      warn(
        '/returns/fees',
        'The policy does not say who pays for sending items back: unless consumers are told before they order, the shop bears that cost.',
        'State it with "fees": "free", "customer-pays" or an amount.',
        'returnInfo',
      );
    }
    if (positive(returns.restockingFeePercent)) {
      warn(
        '/returns/restockingFeePercent',
        `A restocking fee of ${returns.restockingFeePercent} % is charged on returns: a consumer who withdraws pays nothing but the direct cost of sending the item back (and any loss of value from handling it beyond what is needed to try it).`,
        'Set "restockingFeePercent" to 0 for consumers in the EU.',
        'costs',
      );
    }
    const refund = returns.refund;
    if (refund?.withinDays !== undefined && refund.withinDays > REFUND_DAYS) {
      warn(
        '/returns/refund/withinDays',
        `Refunds are made within ${refund.withinDays} days: after a withdrawal the shop must refund within 14 days of being told (it may wait until the item is back or the consumer shows it was sent).`,
        'Set "withinDays" to 14 or less.',
        'refund',
      );
    }
    if (refund?.method === 'store-credit' || refund?.method === 'exchange') {
      warn(
        '/returns/refund/method',
        `The only refund offered is ${refund.method === 'store-credit' ? 'store credit' : 'an exchange'}: after a withdrawal the shop must refund every payment, delivery included, by the means the consumer paid with, unless the consumer expressly agrees otherwise.`,
        'Set "method" to "original-payment" (store credit or an exchange may be offered besides, as the consumer\'s choice).',
        'refund',
      );
    }
  }
  // A withdrawal period in the new section, read as written whether or not the parser knows it.
  const raw =
    own(options, 'raw') ?? (typeof input === 'string' ? (JSON.parse(input.replace(/^\uFEFF/, '')) as unknown) : input);
  const withdrawal = own(policy, 'withdrawal') ?? own(raw, 'withdrawal');
  const withdrawalDays = own(withdrawal, 'days');
  if (typeof withdrawalDays === 'number' && withdrawalDays < WITHDRAWAL_DAYS) {
    warn(
      '/withdrawal/days',
      `The withdrawal period is ${withdrawalDays} days, shorter than the 14 days from delivery the law gives.`,
      'Set "days" to 14 or more.',
      'withdrawal',
    );
  }

  // Art. 16's exceptions, and nothing else.
  (policy.nonRefundable ?? []).forEach((entry, i) => {
    if (EXCEPTIONS.includes(entry.reason)) return;
    warn(
      `/nonRefundable/${i}/reason`,
      `"${entry.id}" is refused on return as "${entry.reason}", which is not an exception to the right of withdrawal for distance sales: only goods made to the consumer's specifications, perishable goods, sealed goods unsealed after delivery for health or hygiene reasons (only those delivered sealed: CJEU C-681/17), and sealed recordings or software unsealed after delivery are.`,
      'Accept their return within the withdrawal period, or use one of those reasons where it is true.',
      'exceptions',
    );
  });

  // A cancellation fee while the consumer may still withdraw: from the order to 14 days after delivery.
  const fee = policy.cancellation?.fee;
  if (fee && ('percent' in fee ? positive(fee.percent) : positive(fee.amount))) {
    const free = policy.cancellation?.free;
    const after = !free
      ? 'from the order on'
      : 'until' in free
        ? 'once the order has shipped'
        : `${free.withinHours} hours after the order`;
    warn(
      '/cancellation/fee',
      `A cancellation fee applies ${after}, while the consumer may still withdraw (from the order until 14 days after delivery) at no cost but the direct cost of return.`,
      'Charge no fee for cancelling goods orders within the withdrawal period, or limit it to what art. 16 exempts (made-to-measure orders, say) and say so.',
      'costs',
    );
  }

  // Art. 18: a delivery promised later than 30 days after the order needs the buyer's express agreement.
  if (today !== undefined) {
    (policy.delivery?.methods ?? []).forEach((m, i) => {
      let latest: string;
      try {
        latest = quoteMethod(policy, m, now).quoted.latest;
      } catch {
        // A date the calendar cannot reach: the validator and the promises say so.
        return;
      }
      const days = daysBetween(today, latest);
      if (days <= DELIVERY_DAYS) return;
      warn(
        `/delivery/methods/${i}`,
        `Delivery "${m.id}" is quoted up to ${latest}, ${days} days after an order placed on ${today}: beyond 30 days from the order, the delivery date needs the consumer's express agreement, or the consumer may end the contract.`,
        'Shorten its handling, transit or padding days, or have consumers agree to the later date at checkout.',
        'delivery',
      );
    });
  }

  // The withdrawal function (the "withdraw from contract here" button), required from 19 June 2026.
  if (today !== undefined && today >= WITHDRAWAL_FUNCTION_FROM) {
    const endpoint = own(withdrawal, 'endpoint');
    if (typeof endpoint !== 'string' || !endpoint) {
      warn(
        withdrawal === undefined ? '/withdrawal' : '/withdrawal/endpoint',
        'The policy has no withdrawal function: since 19 June 2026 a shop that sells online must offer a clearly labelled function to withdraw from the contract, with a confirmation step and an acknowledgement.',
        'Add a "withdrawal" section with the "endpoint" <policy-withdrawal> posts to (and an "email" as the fallback).',
        'function',
      );
    }
  }
  return { applies: true, country, warnings };
}
