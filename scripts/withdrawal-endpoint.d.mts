// Types for the tests of the demo server's withdrawal endpoint: the module stays plain JavaScript.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const WITHDRAWAL_PATH: '/api/withdrawal';
export const UNAVAILABLE_PATH: '/api/withdrawal/unavailable';
export const DEFAULT_FILE: string;

/** Why a request body is not a withdrawal, with the field at fault; undefined when it is one. */
export function requestProblem(body: unknown): { error: string; field?: string } | undefined;

/** Answers the withdrawal paths; true when `path` was one of them. */
export type WithdrawalHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export function createWithdrawalEndpoint(options?: { file?: string; now?: () => Date }): WithdrawalHandler;

export const handleWithdrawal: WithdrawalHandler;
