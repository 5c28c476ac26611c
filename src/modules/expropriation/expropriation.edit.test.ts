import { describe, expect, it } from 'vitest';
import { ItemSchema } from './expropriation.edit-schema.js';
import { channelLists, channelMap } from './expropriation.edit.service.js';

const row = { phase: 'before', level1: '征收准备', level2: '公共利益认定', content: '证明文件', basis: '国令590第八条', timeLimit: '20个工作日内', responsible: '征收办', audience: 'public', mode: 'proactive', triggerEvent: 'public_interest' };

describe('directory row channels', () => {
  it('turns the two checkbox lists into the stored map and back', () => {
    const map = channelMap({ channelsRequired: ['website', 'board_screen'], channelsOptional: ['graphic'] });
    expect(map).toEqual({ website: 'required', board_screen: 'required', graphic: 'optional' });
    expect(channelLists(JSON.stringify(map))).toEqual({ channelsRequired: ['website', 'board_screen'], channelsOptional: ['graphic'] });
  });

  it('reads one ticked box as a list and refuses no channel or a channel both required and optional', () => {
    expect(ItemSchema.parse({ ...row, channelsRequired: 'website' }).channelsRequired).toEqual(['website']);
    const none = ItemSchema.safeParse(row);
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.path).toEqual(['channelsRequired']);
    const both = ItemSchema.safeParse({ ...row, channelsRequired: ['website'], channelsOptional: ['website'] });
    expect(both.error?.issues[0]).toMatchObject({ path: ['channelsOptional'], message: 'expropriation.channels_both' });
  });
});
