package com.portfolio.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.Transport;
import java.util.Arrays;

/**
 * The package rules, one per "never", each with its reason. The design they guard is drawn in
 * docs/architecture.md; a rule that must change changes there first.
 */
@AnalyzeClasses(packages = "com.portfolio.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "com.portfolio.bridge.";

    @ArchTest
    static final ArchRule noCycles = slices().matching("com.portfolio.bridge.(*)..")
            .should().beFreeOfCycles()
            .because("a package in a cycle cannot be understood, tested or changed on its own");

    @ArchTest
    static final ArchRule realtimeKnowsNoWireNorBus = noClasses().that().resideInAPackage(BASE + "realtime..")
            .should().dependOnClassesThat(ours("transport", "bus", "commands", "presence"))
            .because("the namespace is the core: the wire, the bus, commands and presence plug into it, never the reverse");

    @ArchTest
    static final ArchRule busKnowsNoCommandsNorWire = noClasses().that().resideInAPackage(BASE + "bus..")
            .should().dependOnClassesThat(ours("commands", "transport"))
            .because("the consumers hand events to delivery; commands have their own intake");

    @ArchTest
    static final ArchRule recoveryKnowsNoNamespace = noClasses().that().resideInAPackage(BASE + "recovery..")
            .should().dependOnClassesThat(ours("realtime"))
            .because("recovery keeps positions and buffers; the namespace asks it, never the other way round");

    @ArchTest
    static final ArchRule metricsIsASink = noClasses().that().resideInAPackage(BASE + "metrics..")
            .should().dependOnClassesThat(oursBut("metrics", "config", "vocabulary"))
            .because("every part reports to metrics; metrics reads none of them");

    @ArchTest
    static final ArchRule configIsALeaf = noClasses().that().resideInAPackage(BASE + "config..")
            .should().dependOnClassesThat(oursBut("config"))
            .because("settings are read and checked once, and know nothing of what uses them");

    @ArchTest
    static final ArchRule tokensKnowNoSockets = noClasses().that().resideInAnyPackage(BASE + "auth..", BASE + "access..")
            .should().dependOnClassesThat().resideInAnyPackage("io.socket..", "jakarta.websocket..")
            .because("a token or an access decision is about a user, whatever carried the request");

    @ArchTest
    static final ArchRule transportKnowsNoShutdown = noClasses().that().resideInAPackage(BASE + "transport..")
            .should().dependOnClassesThat(ours("shutdown"))
            .because("the drain closes the door through the transport's own gate; the transport never asks the drain");

    @ArchTest
    static final ArchRule librariesBehindOneAdapter = noClasses().that().resideInAPackage(BASE + "socketio..")
            .should().dependOnClassesThat(oursBut("socketio", "vocabulary"))
            .because("the adapter knows the libraries, not the bridge: the bridge plugs in through its seams");

    @ArchTest
    static final ArchRule libraryInternalsOnlyInTheAdapter = noClasses().that().resideOutsideOfPackage(BASE + "socketio..")
            .should().dependOnClassesThat().resideInAnyPackage("io.socket.engineio.server.parser..")
            .orShould().dependOnClassesThat().belongToAnyOf(io.socket.socketio.server.parser.IOParser.class)
            .orShould().callMethodWhere(onTheEngine("listeners"))
            .orShould().callMethodWhere(onTheEngine("emit"))
            .orShould().beAssignableTo(EngineIoWebSocket.class)
            .because("frames, the data feed, synthetic events and the engine's WebSocket transport are the adapter's"
                    + " (socketio): one place to check on an upgrade");

    @ArchTest
    static final ArchRule engineOnlyInTheAdapterAndTheNamespace = noClasses()
            .that().resideOutsideOfPackages(BASE + "socketio..", BASE + "realtime..")
            .should().dependOnClassesThat().resideInAnyPackage("io.socket.engineio..")
            .because("the transport hands requests and WebSockets to the engine through the adapter's seams; only the"
                    + " namespace, which owns the engine, holds its connections");

    @ArchTest
    static final ArchRule vocabularyStandsAlone = noClasses().that().resideInAPackage(BASE + "vocabulary..")
            .should().dependOnClassesThat(oursBut("vocabulary"))
            .because("the shared words are the ground floor every package may stand on");

    /** A call of {@code method} on the engine's own emitters: a connection, its transport, the server. */
    private static DescribedPredicate<JavaMethodCall> onTheEngine(String method) {
        Class<?>[] engine = {EngineIoSocket.class, EngineIoWebSocket.class, Transport.class, EngineIoServer.class};
        return DescribedPredicate.describe(method + "() on an Engine.IO connection, transport or server",
                call -> call.getName().equals(method) && Arrays.stream(engine).anyMatch(call.getTargetOwner()::isAssignableTo));
    }

    /** Classes of these packages of ours. */
    private static DescribedPredicate<JavaClass> ours(String... packages) {
        return DescribedPredicate.describe("are in " + String.join(", ", packages),
                c -> Arrays.stream(packages).anyMatch(p -> in(c, p)));
    }

    /** Classes of ours outside these packages. */
    private static DescribedPredicate<JavaClass> oursBut(String... packages) {
        return DescribedPredicate.describe("are ours, outside " + String.join(", ", packages),
                c -> c.getPackageName().startsWith(BASE) && Arrays.stream(packages).noneMatch(p -> in(c, p)));
    }

    private static boolean in(JavaClass type, String pkg) {
        String name = type.getPackageName();
        return name.equals(BASE + pkg) || name.startsWith(BASE + pkg + ".");
    }
}
