import { consultActions } from '../../contract/consult';
import type { BackendFunction } from '../core/action';
import { config, create } from './create';
import { bindDoctor } from './doctors';
import { accept, cancel, close } from './lifecycle';
import { get, list, queue, workbench } from './list';
import { listMessages, sendMessage } from './messages';
import { markRead, notices } from './notices';
import { pay, sandboxConfirm } from './payment';
import { getAttachment, uploadAttachment } from './uploads';
import { setVideoOffer } from './video';

export { runConsultSweep, type SweepReport } from './sweep';
export { paymentNotice } from './payment';
export { streamAccess } from './stream';
export { createStoreNotifier } from './notices';
export { createInvite, newInvite } from './doctors';

/** Image-text consultation (CAM, ALB, PI, CS, SEC); see backend/consult/README.md. */
export const consultFunction: BackendFunction<'consult'> = {
  name: 'consult',
  actions: consultActions,
  handlers: {
    config,
    uploadAttachment,
    getAttachment,
    create,
    pay,
    sandboxConfirm,
    cancel,
    get,
    list,
    sendMessage,
    listMessages,
    notices,
    markRead,
    bindDoctor,
    workbench,
    queue,
    setVideoOffer,
    accept,
    close,
  },
};
