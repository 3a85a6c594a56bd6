import * as z from '../zod';
import { ICE_CANDIDATE_MAX_BYTES, SDP_MAX_BYTES } from './items';

/**
 * WebRTC signalling payloads (local/H5 only), each with its own schema: the server relays
 * them between the two participants and nothing else, so it accepts only what a browser's
 * RTCPeerConnection produces, bounded in size (a relay must not become a free pipe).
 */

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** One SDP line: `<type>=<value>`, printable ASCII (RFC 8866 §5; browsers emit no other). */
const SDP_LINE = /^[a-z]=[\x20-\x7e]*$/;

/**
 * An SDP body as RTCSessionDescription.sdp gives it: starts with `v=0`, every line ends in
 * CRLF (RFC 8866 §5), no empty lines, no bare CR or LF.
 */
export const sdpSchema = z
  .string()
  .refine((s) => utf8Bytes(s) <= SDP_MAX_BYTES, `SDP 不能超过 ${SDP_MAX_BYTES} 字节`)
  .refine((s) => s.startsWith('v=0\r\n'), 'SDP 必须以 v=0 开头')
  .refine((s) => s.endsWith('\r\n'), 'SDP 的每一行必须以 CRLF 结尾')
  .refine(
    (s) =>
      s
        .slice(0, -2)
        .split('\r\n')
        .every((line) => SDP_LINE.test(line)),
    'SDP 行格式错误（须为 x=value，以 CRLF 结尾，仅可打印 ASCII 字符）',
  );

export const sessionDescriptionSchema = z.object({ sdp: sdpSchema }).strict();

/**
 * An ICE candidate as RTCIceCandidate.toJSON() gives it. `candidate: ''` is the
 * end-of-candidates marker; otherwise the RFC 8839 §5.1 attribute value `candidate:…`.
 */
export const iceCandidateSchema = z
  .object({
    candidate: z
      .string()
      .refine(
        (s) => utf8Bytes(s) <= ICE_CANDIDATE_MAX_BYTES,
        `候选地址不能超过 ${ICE_CANDIDATE_MAX_BYTES} 字节`,
      )
      .refine(
        (s) => s === '' || /^candidate:[\x21-\x7e]+(?: [\x21-\x7e]+){5,}$/.test(s),
        '候选地址格式错误',
      ),
    sdpMid: z
      .string()
      .max(32)
      .regex(/^[\x21-\x7e]*$/)
      .nullable(),
    sdpMLineIndex: z.number().int().min(0).max(15).nullable(),
    usernameFragment: z
      .string()
      .max(256)
      .regex(/^[\x21-\x7e]*$/)
      .nullable()
      .optional(),
  })
  .strict();

/** `signal` input: the kind chooses the payload's schema. */
export const signalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), payload: sessionDescriptionSchema }).strict(),
  z.object({ kind: z.literal('answer'), payload: sessionDescriptionSchema }).strict(),
  z.object({ kind: z.literal('candidate'), payload: iceCandidateSchema }).strict(),
]);
export type Signal = z.infer<typeof signalSchema>;
