// What connector code sees at run time, for the Connector Editor's code completion: Patchbay's bz-util
// (src/Patchbay.Runtime/NodeHost/bz-util; bizagi-compat.md §6) and the parameters Patchbay passes to an action's
// invoke and to auth/auth.js (§3, §4.2, §5.1). Declarations only: nothing here runs.

/** The values Patchbay hands to connector code: `invoke`'s parameters and what bz-util returns. */
declare namespace Bizagi {
    /** A map of parameter names to their text values (every value is a string). */
    interface StringMap {
        [name: string]: string;
    }

    /** The `globals` parameter of an action's `invoke` and of `auth/auth.js`. */
    interface Globals {
        /**
         * The Authentication tab's parameters (`globals.authdata.<name>`), with, for an action, whatever the
         * authenticator returned as its output merged in (e.g. `authorizationheader`, `access_token`).
         */
        authdata: StringMap & {
            /** The `Authorization` header value a built-in or custom authenticator produced. */
            authorizationheader?: string;
            /** An OAuth 2.0 access token, when the authenticator returned one. */
            access_token?: string;
        };
        /** The Connector tab's parameters (`globals.systemproperties.<name>`). */
        systemproperties: StringMap;
        /** The name of the project (environment) the connector runs for. */
        projectname: string;
    }

    /** The `data` parameter of an action's `invoke`: the action's inputs, shaped as its Inputs tree. */
    interface ActionData {
        inputs: {
            /** The mapped input values: `data.inputs.input.<name>`. */
            input: { [name: string]: any };
        };
    }

    /** The error structure of an action's Error tree (by default `error`, `message`, `status`). */
    interface ErrorOutput {
        error?: string;
        message?: string;
        status?: number;
        [name: string]: any;
    }

    /** The envelope an action or authenticator hands to its callback; build it with `bizagiUtil.getResponse`. */
    interface Response {
        response: { outputs: { output: any; error: ErrorOutput } };
        /** False when there was an error object, an error message or an unreadable response. */
        success: boolean;
        /** The status code given, else 200 on success and -200 on failure. */
        connectorstatuscode: number;
        /** The error message, or the error object as JSON, or "". */
        errormessage: string;
        /** True in Bizagi's automated-certification mode. */
        autotestingenabled: boolean;
    }

    /** Ends an action or authenticator: call it exactly once with a getResponse envelope. */
    type Callback = (response: Response) => void;

    /**
     * The logger (`LOG`) passed to `invoke`: its lines go to the invocation's log. When logging is off for the
     * call every method does nothing and `isEnabled` is false. A message may be text, an object (written as JSON)
     * or an array whose parts are joined without separators (an Error as its message).
     */
    interface Logger {
        /** Whether lines are written for this call. */
        isEnabled: boolean;
        debug(message: any): void;
        info(message: any): void;
        warn(message: any): void;
        error(message: any): void;
        trace(message: any): void;
    }

    /** bz-util's `validator`: checks whose failures are ready-made getResponse envelopes. */
    interface Validator {
        /**
         * Checks that each value is present (not undefined, null or ''; 0 and false count as present).
         * @param parameters The values by name, e.g. `{ name: data.inputs.input.name }`.
         * @returns undefined when all are present; else a -400 envelope "The Parameter -<name>- is required" for
         * the first missing one, to hand straight to the callback.
         */
        requiredParameters(parameters: { [name: string]: any }): Response | undefined;
        /**
         * Parses and checks globals sent as JSON text (authdata, systemproperties and projectname present;
         * parameter values strings); control characters are removed and %XX sequences decoded.
         * @returns a success envelope whose output is the parsed globals, or a -200 error envelope.
         */
        isValidGlobalsJson(globalsString: string): Response;
        /**
         * Parses data sent as JSON text, e.g. `isValidDataJson({ data: text })`; the key names it in messages.
         * @returns a success envelope whose output is the parsed value, or a -200 error envelope.
         */
        isValidDataJson(data: { [name: string]: string }): Response;
    }

    /** bz-util's `autotesting`: Bizagi's automated-certification mode, on when its three data files exist. */
    interface Autotesting {
        /** True when inputData.json, outputData.json and errorData.json are in the autotesting folder. */
        isAutotestingEnable(): boolean;
        /** The parsed inputData.json (throws when it is missing or not JSON). */
        getInputData(): any;
        /** The parsed outputData.json (throws when it is missing or not JSON). */
        getOutputData(): any;
        /** The parsed errorData.json (throws when it is missing or not JSON). */
        getErrorData(): any;
    }

    /** bz-util's `config`: the connector's etc/config.js with the runtime's settings added. */
    interface Config {
        /** The log's name after the project name (usually the connector's folder name). */
        logFileName?: string;
        /** FATAL, ERROR, WARN, INFO, DEBUG or TRACE; anything else means INFO. */
        levelLog?: string;
        /** file or console. */
        logType?: string;
        backingDownConfigFile?: string;
        backingDownLogDirectory?: string;
        logsPath?: string;
        schema: string;
        server: string;
        port: number | string;
        maxRequestLengthSize: string;
        clusterWorkerNumber: string;
        nodeJSExecutablePath: string;
        /** When true (or "true"), LOG writes even for calls without logging. */
        forceEnableLogger: boolean | string;
        [key: string]: any;
    }

    /** What `require('bz-util')` returns. */
    interface BzUtil {
        /**
         * Builds the envelope an action or authenticator hands to its callback.
         * @param response The output object (or its JSON text), mapped through the action's Outputs tree.
         * @param error The error object (or its JSON text), mapped through the Error tree; a non-empty one means failure.
         * @param connectorStatusCode The status code; when omitted, 200 on success and -200 on failure.
         * Negative codes are logic errors, 400 to 500 authentication and HTTP errors.
         * @param errorMessage A message (an object is written as JSON); a non-empty one means failure.
         * @example callback(bizagiUtil.getResponse({ id: 42 }, null, 200));
         * @example callback(bizagiUtil.getResponse(null, { error: 'NOT_FOUND', message: 'No such item', status: 404 }, 404, 'No such item'));
         */
        getResponse(response?: any, error?: any, connectorStatusCode?: number, errorMessage?: any): Response;
        /**
         * A message from the error catalog: bz-util's codes plus those of the connector's Errors tab
         * (etc/errors.js), with each %s replaced by the next parameter.
         * @param code e.g. 'GLB.EXCEPTION', 'GLB.RESOURCE_NOT_FOUND', 'VAL.REQUIRED_PARAM' or one of the connector's codes.
         * @returns the message, the raw template without parameters, or "" for an unknown code.
         * @example bizagiUtil.error('VAL.REQUIRED_PARAM', ['name']) // "The Parameter -name- is required"
         */
        error(code: string, parameters?: any[]): string;
        /**
         * A library uploaded with the connector, from its own node_modules folder (mock modules from the
         * autotesting folder in certification mode). Throws MODULE_NOT_FOUND when the library is absent.
         * @param moduleName The package's name, e.g. 'axios'.
         * @example var axios = bizagiUtil.REQUIRED('axios');
         */
        REQUIRED(moduleName: string): any;
        /** require() of an absolute path, memoised by that exact path. */
        loadModule(path: string): any;
        /** Forgets one module loadModule memoised (Node's own require cache is kept). */
        cleanModuleCache(path: string): void;
        /** Forgets every module loadModule memoised (Node's own require cache is kept). */
        cleanAllModulesCache(): void;
        /** Checks of parameters and of globals/data sent as text. */
        validator: Validator;
        /** The connector's configuration with the runtime's settings. */
        config: Config;
        /**
         * A logger (the one handed to invoke comes from here).
         * @param logname The log's name, `<projectname>-<logFileName>`; required when logging is on.
         * @param enabled true or "true" to write lines; otherwise a logger that does nothing.
         */
        LOG(logname: string, enabled: boolean | string): Logger;
        /** Bizagi's automated-certification mode. */
        autotesting: Autotesting;
    }
}

/** Patchbay's bz-util, the helper library every Bizagi connector uses: `var bizagiUtil = require('bz-util');` */
declare module 'bz-util' {
    const bizagiUtil: Bizagi.BzUtil;
    export = bizagiUtil;
}
