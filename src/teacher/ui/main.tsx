import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'survey-core/survey-core.fontless.css';
import '../../survey/survey-fonts.css';
import '../../app/app.css';
import './teacher.css';
import { TeacherApp } from './TeacherApp.tsx';
import { captureTokenFromAddress } from './lab/labEnvironment.ts';

// before the first render reads the route: the lab token leaves the address bar at once
captureTokenFromAddress();

const root = document.getElementById('root');
if (!root) throw new Error('teacher.html must contain #root');
createRoot(root).render(<StrictMode><TeacherApp /></StrictMode>);
