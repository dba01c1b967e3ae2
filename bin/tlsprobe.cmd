@echo off
rem tlsprobe launcher for Windows: runs the jar with JVM options that suit a command-line tool
rem (see bin/tlsprobe and README, "Capture benchmark"). TLSPROBE_JAVA_OPTS replaces them.
rem No parenthesized blocks: a path such as "Program Files (x86)" would end them early.
setlocal
set "JAR=%~dp0tlsprobe.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\tlsprobe.jar"
if exist "%JAR%" goto found
echo tlsprobe: no tlsprobe.jar beside %~f0 or in target\, build it with: mvn -B -q package -DskipTests 1>&2
exit /b 3
:found
if defined TLSPROBE_JAVA_OPTS goto custom
rem the class-data-sharing archive of the first run's classes, next to the jar
set "JSA=%JAR:~0,-4%.jsa"
set "CDS=-XX:ArchiveClassesAtExit=%JSA%"
if exist "%JSA%" set "CDS=-XX:SharedArchiveFile=%JSA%"
java -XX:TieredStopAtLevel=1 "%CDS%" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:custom
java %TLSPROBE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
