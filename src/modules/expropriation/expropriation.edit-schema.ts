import { z } from 'zod';
import { requiredText } from '../../http/schema-helpers.js';
import { CHANNELS, EVENT_KINDS, ITEM_PHASES } from './expropriation.directory.js';
import { ProjectSchema } from './expropriation.schema.js';

// Schemas of the staff edits of a project and of its disclosure directory (HTML forms and JSON API).

/** A project's own fields as staff edit them (its key, department and phase change elsewhere). */
export const ProjectEditSchema = ProjectSchema.omit({ code: true, departmentId: true, phase: true });
export type ProjectEditInput = z.infer<typeof ProjectEditSchema>;

// A form sends one checkbox as a string, several as an array, none as nothing.
const channelList = z.preprocess((v: unknown): unknown => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(CHANNELS)).max(CHANNELS.length));

/** A directory row's text and settings (STANDARDS §2 fields). */
export const ItemSchema = z
  .strictObject({
    phase: z.enum(ITEM_PHASES),
    level1: requiredText(50),
    level2: requiredText(100),
    content: requiredText(1000),
    basis: requiredText(500),
    timeLimit: requiredText(200),
    responsible: requiredText(100),
    channelsRequired: channelList,
    channelsOptional: channelList,
    audience: z.enum(['public', 'households']),
    mode: z.enum(['proactive', 'on_request']),
    level: z.enum(['county', 'township']).default('county'),
    triggerEvent: z.enum(EVENT_KINDS),
  })
  .superRefine((it, ctx) => {
    if (it.channelsRequired.length + it.channelsOptional.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['channelsRequired'], message: 'expropriation.channels_none' });
    }
    if (it.channelsOptional.some((c) => it.channelsRequired.includes(c))) {
      ctx.addIssue({ code: 'custom', path: ['channelsOptional'], message: 'expropriation.channels_both' });
    }
  });
export type ItemInput = z.infer<typeof ItemSchema>;
