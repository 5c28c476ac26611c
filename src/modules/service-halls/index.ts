import type { FastifyInstance } from 'fastify';

export { loadServiceHallsDemo } from './service-halls.demo.js';

/** 政务服务大厅: halls at three levels, windows and the items each accepts, 24-hour terminals, "where can I do this". */
export async function registerServiceHalls(_app: FastifyInstance): Promise<void> {
}
