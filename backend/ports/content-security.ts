/**
 * ContentSecurity: WeChat requires user-generated content to be checked (issue 15 §7).
 * CloudBase: `security.msgSecCheck` v2 for text and `security.mediaCheckAsync` v2 for
 * images (the verdict arrives later as an event). Locally: a small documented rule set
 * (backend/content/rules.ts).
 */

/** WeChat's scenes: 1 资料 (nickname, avatar), 2 评论, 3 论坛, 4 社交日志 (chat). */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'social';

export const SCENE_CODE: Record<ContentScene, 1 | 2 | 3 | 4> = {
  profile: 1,
  comment: 2,
  forum: 3,
  social: 4,
};

export interface TextVerdict {
  /** pass = show; review/risky = hold back (WeChat's suggest). */
  suggest: 'pass' | 'review' | 'risky';
  /** WeChat's label (100 = normal, 20001 时政, 20006 违法犯罪, …); local rules use 0 for pass. */
  label: number;
}

export interface ContentSecurity {
  /** The author's openid and the scene, as msgSecCheck v2 wants them. Rejects only on failure. */
  checkText(input: { openid: string; scene: ContentScene; text: string }): Promise<TextVerdict>;
  /**
   * Starts an asynchronous image check; answers WeChat's trace_id (null where the verdict is
   * immediate and passing, e.g. the local adapter, which has no image rules).
   */
  checkImageAsync(input: {
    openid: string;
    scene: ContentScene;
    url: string;
  }): Promise<{ traceId: string | null }>;
}
