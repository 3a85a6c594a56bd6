import Taro from '@tarojs/taro';
import { askFor } from '../../platform/permissions/flow';
import {
  acceptCall,
  callErrorReason,
  callErrorText,
  declineCall,
  startCall,
  type CallViewData,
} from '../../services/call';
import { toServiceError } from '../../services/errors';
import { go, routes } from '../../utils/routes';

const FEATURE = '视频咨询';

/**
 * CAM, MIC: the camera and the microphone are asked here, on the user's own tap (发起 or
 * 接听), never before; the purpose comes from the privacy manifest. A refusal is explained
 * with the way to the settings (askFor) and the consult stays open for text — never a re-prompt.
 */
export async function mediaAllowed(): Promise<boolean> {
  for (const scope of ['camera', 'microphone'] as const) {
    const result = await askFor(scope, FEATURE);
    if (result.status !== 'granted') {
      void Taro.showToast({ title: '未开启摄像头或麦克风，可继续图文沟通', icon: 'none' });
      return false;
    }
  }
  return true;
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** 发起视频通话: rings the other side; a call already ringing or running is joined instead. */
export async function startVideoCall(consultId: string): Promise<void> {
  if (!(await mediaAllowed())) return;
  try {
    const call = await startCall({ consultId });
    go(routes.callRoom(consultId, call.id));
  } catch (e) {
    const live = toServiceError(e).details?.callId;
    if (callErrorReason(e) === 'call_in_progress' && typeof live === 'string') {
      go(routes.callRoom(consultId, live));
    } else toast(callErrorText(e));
  }
}

/**
 * 接听: the media first (asked on this tap), then the server, then the call screen — or,
 * on the call screen itself, `onAccepted` with the connected call.
 */
export async function answerCall(
  call: CallViewData,
  onAccepted?: (view: CallViewData) => void,
): Promise<void> {
  if (!(await mediaAllowed())) return;
  try {
    const view = await acceptCall({ callId: call.id });
    if (onAccepted) onAccepted(view);
    else go(routes.callRoom(call.consultId, call.id));
  } catch (e) {
    toast(callErrorText(e));
  }
}

/** 拒绝: the caller sees 对方已拒绝. */
export async function refuseCall(call: CallViewData): Promise<void> {
  try {
    await declineCall({ callId: call.id });
  } catch (e) {
    toast(callErrorText(e));
  }
}
