import type { InputOf, OutputOf } from '../../contract';
import { call } from './client';

/** SDK: statistics events to our own server; the server refuses them without 统计分析 consent. */
export const track = (
  input: InputOf<'telemetry', 'track'>,
): Promise<OutputOf<'telemetry', 'track'>> => call('telemetry', 'track', input);
