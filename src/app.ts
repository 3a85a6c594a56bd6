import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureCloud } from './platform/cloud';
import { quietTabBarLinks } from './platform/tab-bar';
import { startPrivacy } from './privacy/launch';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The transport also calls ensureCloud() lazily; doing it at launch keeps the first
    // request from paying for initialisation.
    ensureCloud();
    quietTabBarLinks();
    startPrivacy();
  });
  return children;
}

export default App;
