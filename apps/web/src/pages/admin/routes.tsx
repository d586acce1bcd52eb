import { Routes } from 'react-router';

export default function RoleRoutes() {
  return <Routes />;
}
