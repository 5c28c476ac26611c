import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../http/context.js';
import * as repo from './interpretations.repository.js';

/** 解读（全文通解、要点、问答、名词解释、音视频）及其反馈. */
export async function registerInterpretations(_app: FastifyInstance): Promise<void> {
  // Routes are added with the module.
}

/**
 * For each policy, the day its first interpretation was published (the assessment compares it with the
 * policy's own publication day). Policies with no published interpretation are absent from the map.
 */
export function firstInterpretationDates(db: Executor, policyIds: number[]): Promise<Map<number, string>> {
  return repo.firstPublishedOn(db, policyIds);
}
