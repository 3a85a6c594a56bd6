/** ICE_SERVERS (docs/video.md): a JSON RTCIceServer list from the environment, refused when malformed. */
import {
  localVideoRoomsFromEnv,
  parseIceServers,
} from '../../../backend/adapters/local/webrtc-rooms';

it('reads a coturn configuration, and nothing when unset', () => {
  const turn = { urls: 'turn:turn.example.org:3478', username: 'zhuyi', credential: 's3cret' };
  expect(parseIceServers(JSON.stringify([{ urls: 'stun:turn.example.org:3478' }, turn]))).toEqual([
    { urls: 'stun:turn.example.org:3478' },
    turn,
  ]);
  expect(parseIceServers(undefined)).toEqual([]);
  expect(parseIceServers('  ')).toEqual([]);
});

it.each([
  ['not JSON', 'turn:x'],
  ['not a list', '{"urls":"stun:x"}'],
  ['an http url', '[{"urls":"https://x"}]'],
  ['an unknown field', '[{"urls":"stun:x","password":"p"}]'],
])('refuses %s at start-up', (_name, value) => {
  expect(() => parseIceServers(value)).toThrow(/ICE_SERVERS/);
});

it('VIDEO_ENABLED is on locally unless switched off', () => {
  expect(localVideoRoomsFromEnv({})?.kind).toBe('webrtc');
  expect(localVideoRoomsFromEnv({ VIDEO_ENABLED: '0' })).toBeUndefined();
  expect(localVideoRoomsFromEnv({ VIDEO_ENABLED: 'off' })).toBeUndefined();
});
