@echo off
rem tlsprobe launcher for Windows: runs the jar with JVM options that suit a command-line tool
rem (see bin/tlsprobe and README, "Speed"). Override them with TLSPROBE_JAVA_OPTS.
setlocal
set "JAR=%~dp0tlsprobe.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\tlsprobe.jar"
if not exist "%JAR%" (
  echo tlsprobe: no tlsprobe.jar beside %~f0 or in target\ ^(build it with: mvn -B -q package -DskipTests^) 1>&2
  exit /b 3
)
set "JSA=%JAR:~0,-4%.jsa"
if defined TLSPROBE_JAVA_OPTS (
  set "OPTS=%TLSPROBE_JAVA_OPTS%"
) else if exist "%JSA%" (
  set "OPTS=-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="%JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off"
) else (
  set "OPTS=-XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="%JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off"
)
java %OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
