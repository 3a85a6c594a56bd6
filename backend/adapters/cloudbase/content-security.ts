import type { Logger } from '../../ports/logger';
import { SCENE_CODE, type ContentSecurity, type TextVerdict } from '../../ports/content-security';

/** `cloud.openapi.security` as wx-server-sdk exposes it (config.json grants both calls). */
export interface SecurityOpenApi {
  security: {
    msgSecCheck(param: { openid: string; scene: number; version: 2; content: string }): Promise<{
      errCode?: number;
      errMsg?: string;
      result?: { suggest?: string; label?: number };
      traceId?: string;
    }>;
    mediaCheckAsync(param: {
      mediaUrl: string;
      mediaType: 2;
      version: 2;
      scene: number;
      openid: string;
    }): Promise<{ errCode?: number; errMsg?: string; traceId?: string }>;
  };
}

const SUGGESTS = new Set(['pass', 'review', 'risky']);

/**
 * The WeChat side of content security. A refusal of the call itself (quota, user not seen
 * in two hours) is an Error → INTERNAL: nothing unchecked is published (issue 15 §7).
 */
export function createCloudContentSecurity(
  openapi: SecurityOpenApi,
  log: Pick<Logger, 'warn'>,
): ContentSecurity {
  return {
    async checkText({ openid, scene, text }) {
      const answer = await openapi.security.msgSecCheck({
        openid,
        scene: SCENE_CODE[scene],
        version: 2,
        content: text,
      });
      const suggest = answer.result?.suggest;
      if ((answer.errCode ?? 0) !== 0 || !suggest || !SUGGESTS.has(suggest)) {
        log.warn({ errCode: answer.errCode, errMsg: answer.errMsg }, 'msgSecCheck refused');
        throw new Error(`security.msgSecCheck: ${answer.errCode ?? '?'} ${answer.errMsg ?? ''}`);
      }
      return { suggest: suggest as TextVerdict['suggest'], label: answer.result?.label ?? 0 };
    },
    async checkImageAsync({ openid, scene, url }) {
      const answer = await openapi.security.mediaCheckAsync({
        mediaUrl: url,
        mediaType: 2,
        version: 2,
        scene: SCENE_CODE[scene],
        openid,
      });
      if ((answer.errCode ?? 0) !== 0 || !answer.traceId) {
        log.warn({ errCode: answer.errCode, errMsg: answer.errMsg }, 'mediaCheckAsync refused');
        throw new Error(`security.mediaCheckAsync: ${answer.errCode ?? '?'}`);
      }
      return { traceId: answer.traceId };
    },
  };
}
