import type { FastifyInstance } from 'fastify';

/** 解读（全文通解、要点、问答、名词解释、音视频）及其反馈. */
export async function registerInterpretations(_app: FastifyInstance): Promise<void> {
  // Routes are added with the module.
}
