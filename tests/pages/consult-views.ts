/**
 * The consult function's views, shaped like contract/consult/views.ts: a consult already paid
 * and accepted, and its messages. Pure data (types only), so the weapp tests share it.
 */
import type { ConsultView, MessageView } from '../../contract/consult';

export function consultView(over: Partial<ConsultView> = {}): ConsultView {
  return {
    id: 'c1',
    role: 'patient',
    status: 'active',
    type: 'text',
    scheduledAt: null,
    doctor: {
      id: 'd1',
      name: '王建国',
      title: '主任医师',
      department: '心内科',
      hospitalName: '复旦大学附属中山医院',
    },
    patient: { kind: 'self' },
    price: 3000,
    descriptionPreview: '胸闷气短两周，活动后加重',
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    acceptDeadline: null,
    lastMessage: null,
    unread: 0,
    description: '胸闷气短两周，活动后加重',
    photos: [],
    paidAt: '2024-05-01T08:01:00.000Z',
    acceptedAt: '2024-05-01T08:10:00.000Z',
    endedAt: null,
    summary: null,
    cancelReason: null,
    refund: null,
    contact: null,
    lastSeq: 0,
    calls: [],
    ...over,
  };
}

export function message(seq: number, over: Partial<MessageView> = {}): MessageView {
  return {
    id: `msg${seq}`,
    consultId: 'c1',
    seq,
    sender: 'doctor',
    mine: false,
    clientMsgId: null,
    kind: 'text',
    text: `消息${seq}`,
    image: null,
    links: [],
    risky: false,
    at: '2024-05-01T08:20:00.000Z',
    ...over,
  };
}
