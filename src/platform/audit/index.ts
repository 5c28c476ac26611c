export { recordAudit, verifyAuditChain, actorOf, entryHash, GENESIS_HASH, type ChainVerification } from './audit.js';
export { listEntries, entityTypes, type AuditFilter } from './audit.repository.js';
