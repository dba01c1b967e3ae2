@echo off
rem tlsprobe launcher for Windows: runs the jar with the C1 compiler only (tlsprobe's own methods compiled
rem early) and the throughput collector with small survivor spaces, which suit a command-line tool
rem (see bin/tlsprobe and README, "Capture benchmark"). TLSPROBE_JAVA_OPTS replaces that.
rem Unlike bin/tlsprobe it makes no class-data-sharing archive: the jar may sit where the user cannot
rem write (Program Files), and a JVM that fails to write its archive exits 1 whatever tlsprobe found.
rem No parenthesized blocks: a path such as "Program Files (x86)" would end them early.
setlocal
set "JAR=%~dp0tlsprobe.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\tlsprobe.jar"
if exist "%JAR%" goto found
echo tlsprobe: no tlsprobe.jar beside %~f0 or in target\, build it with: mvn -B -q package -DskipTests 1>&2
exit /b 3
:found
if not defined TLSPROBE_JAVA_OPTS set "TLSPROBE_JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:CompileCommand=quiet "-XX:CompileCommand=CompileThresholdScaling,org.tlsprobe.*::*,0.1" -XX:+UseParallelGC -XX:MinSurvivorRatio=16 -XX:InitialSurvivorRatio=16"
rem the JDK in JAVA_HOME when it has one (Windows JDK installers often set it without touching PATH)
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" %TLSPROBE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
