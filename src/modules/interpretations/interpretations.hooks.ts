import { addPolicyPageSection, addPolicySearchText, onPolicyPublished } from '../policies/index.js';
import * as repo from './interpretations.repository.js';
import { policySearchText, releaseWithPolicy } from './interpretations.service.js';
import { policyInterpretationsSection } from './interpretations.views.js';

// Registered when this file is first imported (by index.ts, which app.ts imports, and by the demo
// loader), so a policy published anywhere — HTTP, API, demo — releases its approved interpretations.
onPolicyPublished('interpretations', releaseWithPolicy);
addPolicySearchText('interpretations', policySearchText);
addPolicyPageSection('interpretations', async (db, policyId, vc) => {
  const rows = await repo.ofPolicy(db, policyId, ['published']);
  return rows.length === 0 ? null : { order: 20, node: policyInterpretationsSection(vc, rows) };
});
