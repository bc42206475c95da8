// Types for the configs that use the plugin (vitest.config.ts): the plugin stays plain JavaScript.
import type { Plugin } from 'rollup';

/** The parts, and the groups of locales/*.json each carries besides the shared ones. */
export const PARTS: Record<'product' | 'order' | 'withdrawal', string[]>;
/** A part's strings, from a whole locale file. */
export function partOf(all: Record<string, unknown>, part: string): Record<string, unknown>;
/** The rollup (and Vite, web-test-runner) plugin that makes `strings:fr/delivery` modules. */
export function localeParts(): Plugin;
