@echo off
rem The `cueline` command for the Windows app: add this folder to PATH. The app runs the CLI
rem when its first argument is a command (main/app/cli-mode.ts).
"%~dp0..\..\Cueline.exe" %*
