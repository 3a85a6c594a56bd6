import { supportActions } from '../../contract/support';
import type { BackendFunction } from '../core/action';
import { close, createTicket, getTicket, listTickets, rate, reply } from './tickets';

/** 客服 tickets (CS, SEC; PIPL art. 50); see contract/support.ts. */
export const supportFunction: BackendFunction<'support'> = {
  name: 'support',
  actions: supportActions,
  handlers: { createTicket, listTickets, getTicket, reply, close, rate },
};
