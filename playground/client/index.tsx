/**
 * The playground page: React 17 with Rocket.Chat's fuselage, everything bundled from node_modules.
 * (No @rocket.chat/fuselage-polyfills: they are for old browsers, and assign navigator.clipboard, which throws.)
 */
import '@rocket.chat/icons/dist/rocketchat.css';
import '@rocket.chat/fuselage/dist/fuselage.css';

import { render } from 'react-dom';

import { App } from './App';

render(<App />, document.getElementById('root'));
