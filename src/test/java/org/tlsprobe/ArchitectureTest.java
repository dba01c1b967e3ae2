package org.tlsprobe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of ARCHITECTURE.md: who may depend on whom, and which framework lives where. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tlsprobe");
  }

  @Test
  void tls_dependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("org.tlsprobe.tls..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tlsprobe.model..", "org.tlsprobe.cli..", "org.tlsprobe.probe..", "org.tlsprobe.capture..",
            "org.tlsprobe.diagnose..", "org.tlsprobe.render..", "org.tlsprobe.net..")
        .check(classes);
  }

  @Test
  void tls_usesNoFramework() {
    noClasses().that().resideInAPackage("org.tlsprobe.tls..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.pcap4j..", "org.bouncycastle..", "picocli..", "com.fasterxml..")
        .check(classes);
  }

  @Test
  void model_dependsOnlyOnTls() {
    noClasses().that().resideInAPackage("org.tlsprobe.model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tlsprobe.cli..", "org.tlsprobe.probe..", "org.tlsprobe.capture..", "org.tlsprobe.diagnose..",
            "org.tlsprobe.render..", "org.tlsprobe.net..", "io.netty..", "org.pcap4j..", "picocli..", "com.fasterxml..")
        .check(classes);
  }

  @Test
  void observersAndJudgeAndRenderers_doNotDependOnEachOther() {
    String[] peers = {"probe", "capture", "diagnose", "render"};
    for (String p : peers) {
      for (String q : peers) {
        if (!p.equals(q)) {
          noClasses().that().resideInAPackage("org.tlsprobe." + p + "..")
              .should().dependOnClassesThat().resideInAPackage("org.tlsprobe." + q + "..")
              .check(classes);
        }
      }
      noClasses().that().resideInAPackage("org.tlsprobe." + p + "..")
          .should().dependOnClassesThat().resideInAPackage("org.tlsprobe.cli..")
          .check(classes);
    }
  }

  @Test
  void nettyOnlyInProbe_pcap4jOnlyInCapture_picocliOnlyInCli_jacksonOnlyInRender() {
    noClasses().that().resideOutsideOfPackage("org.tlsprobe.probe..")
        .should().dependOnClassesThat().resideInAPackage("io.netty..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.tlsprobe.capture..")
        .should().dependOnClassesThat().resideInAPackage("org.pcap4j..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.tlsprobe.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.tlsprobe.render..")
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml..").check(classes);
  }

  @Test
  void diagnose_usesNeitherNettyNorPcap4j() {
    noClasses().that().resideInAPackage("org.tlsprobe.diagnose..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.pcap4j..").check(classes);
  }

  @Test
  void net_usesOnlyModelTlsPki_andOnlyCliUsesNet() {
    noClasses().that().resideInAPackage("org.tlsprobe.net..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tlsprobe.cli..", "org.tlsprobe.probe..", "org.tlsprobe.capture..", "org.tlsprobe.diagnose..", "org.tlsprobe.render..",
            "io.netty..", "org.pcap4j..", "picocli..", "com.fasterxml..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages("org.tlsprobe.net..", "org.tlsprobe.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.tlsprobe.net..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.tlsprobe.net..")
        .should().dependOnClassesThat().resideInAPackage("org.xbill.DNS..").check(classes);
  }

  @Test
  void topLevelPackages_haveNoCycles() {
    slices().matching("org.tlsprobe.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyMain_callsSystemExit() {
    noClasses().that().doNotHaveFullyQualifiedName("org.tlsprobe.Main")
        .should().callMethod(System.class, "exit", int.class).check(classes);
  }
}
