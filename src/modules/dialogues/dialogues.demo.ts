import type { CurrentUser, Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { parseInput } from '../../http/validate.js';
import { addMinutes, nowIso } from '../../platform/clock.js';
import { policyBriefByIndexNo } from '../policies/index.js';
import * as service from './dialogues.service.js';
import { DialogueSchema } from './dialogues.schema.js';
import { DEMO_DIALOGUES } from './dialogues.demo-data.js';

/** The listed Beijing times, or the same times of day two weeks from now once the listed day is near or past. */
function stillUpcoming(startsAt: string, endsAt: string): { startsAt: string; endsAt: string } {
  const inAWeek = new Date(Date.now() + (7 * 24 + 8) * 3600_000).toISOString().slice(0, 10);
  if (startsAt.slice(0, 10) > inAWeek) {
    return { startsAt, endsAt };
  }
  const day = new Date(Date.now() + (14 * 24 + 8) * 3600_000).toISOString().slice(0, 10);
  return { startsAt: day + startsAt.slice(10), endsAt: day + endsAt.slice(10) };
}

/** Loads this module's demo data (inside the demo loader's transaction, after the policies). */
export async function loadDialoguesDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const editor = ctx.users.get('editor')!;
  const reviewer = ctx.users.get('reviewer')!;
  for (const d of DEMO_DIALOGUES) {
    const departmentId = ctx.deptIds.get(d.department) ?? ctx.deptIds.get('gov-office')!;
    // The demo staff act in the dialogue's department for this load only.
    const inDept = (u: CurrentUser): CurrentUser => ({ ...u, departmentIds: [departmentId] });
    // Only policies present in the library are linked (they always are in the full demo).
    const linked: string[] = [];
    for (const indexNo of d.policies) {
      if (await policyBriefByIndexNo(trx, indexNo)) {
        linked.push(indexNo);
      }
    }
    const { startsAt, endsAt } = d.keepUpcoming ? stillUpcoming(d.startsAt, d.endsAt) : d;
    const input = parseInput(DialogueSchema, {
      departmentId: String(departmentId),
      topic: d.topic,
      description: d.description,
      startsAt,
      endsAt,
      guests: d.guests,
      policies: linked.join('\n'),
      videoUrl: d.videoUrl,
      replayUrl: d.replayUrl,
      summary: d.summary,
      transcript: d.transcript,
    });
    const id = await service.createDialogue(trx, ctx.actor, inDept(editor), input);
    await service.publishDialogue(trx, ctx.actor, inDept(reviewer), id);
    // Questions arrive in the days before the dialogue (never in the future); answers during it.
    const firstAsked = [addMinutes(input.startsAt, -2 * 24 * 60), addMinutes(nowIso(), -24 * 60)].sort()[0]!;
    let minute = 0;
    for (const q of d.questions) {
      const asked = addMinutes(firstAsked, (minute += 37));
      const qid = await service.submitQuestion(trx, id, { askerName: q.askerName, body: q.body }, asked);
      if (q.pending) {
        continue;
      }
      await service.approveQuestion(trx, ctx.actor, inDept(reviewer), id, qid);
      if (q.answer) {
        await service.answerQuestion(trx, ctx.actor, inDept(editor), id, qid, { guest: q.answer.guest, answer: q.answer.text }, addMinutes(input.startsAt, 10 + minute / 4));
      }
    }
  }
}
